import type { AstroIntegration } from 'astro';
import { hastStepIntegration } from './hast-step.ts';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';
import { withBase } from './base.ts';

/**
 * Astro prefixes the base path onto its own links but not onto root-relative links in
 * Markdown (`[see](/tempo/x/)`), which break when the site is served under `/kb/`. This hast
 * step rewrites them once, at compile time, for every Markdown and MDX page: Markdown links and
 * images, and literal `<a>`/`<img>` tags in MDX. Components build their own URLs with base.ts.
 * Raw HTML in `.md` files (not MDX) is passed through untouched.
 */

const URL_ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };
const TAGS = Object.keys(URL_ATTRIBUTE);

interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}

export function baseLinksPlugin(base: string): HastPluginDefinition {
	const rewriteJsx = (
		node: { name: string | null; attributes: readonly JsxAttribute[] },
		ctx: HastVisitorContext,
	) => {
		const key = node.name ? URL_ATTRIBUTE[node.name] : undefined;
		const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key);
		// Expression values (`href={url}`) are the author's code; only literal strings are rewritten.
		if (!key || typeof attribute?.value !== 'string') return;
		const rewritten = withBase(attribute.value, base);
		if (rewritten !== attribute.value) ctx.setProperty(node as never, key, rewritten);
	};
	return {
		name: 'casebook-base-links',
		element: {
			filter: TAGS,
			visit(node, ctx) {
				const key = URL_ATTRIBUTE[node.tagName]!;
				const value = node.properties?.[key];
				if (typeof value !== 'string') return;
				const rewritten = withBase(value, base);
				if (rewritten !== value) ctx.setProperty(node, key, rewritten);
			},
		},
		mdxJsxFlowElement: { filter: TAGS, visit: (node, ctx) => rewriteJsx(node as never, ctx) },
		mdxJsxTextElement: { filter: TAGS, visit: (node, ctx) => rewriteJsx(node as never, ctx) },
	};
}

/** Registers baseLinksPlugin on Sätteri, Astro 7's Markdown processor. */
export function baseLinksIntegration(): AstroIntegration {
	return hastStepIntegration('casebook-base-links', 'rewrites Markdown links for the base path', (config) => baseLinksPlugin(config.base));
}
