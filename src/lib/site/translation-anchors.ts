import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import { markdownFormat, parseMarkdown } from '../article/parse.ts';
import { localeOfPath } from '../i18n/locales.ts';
import { hastStepIntegration } from './hast-step.ts';

/**
 * A translated article's headings take the anchors of the English headings at the same positions
 * (the verifier has checked the outlines match), so `#fix` and every link to a section work in
 * both languages and the language switcher keeps the reader's place. Runs before Astro's own
 * heading ids, which keep an id that is already set (and list it in the page's table of contents).
 */

/** The English anchors for a content file, or undefined when it is not a translation. */
export function englishAnchors(file: string, contentDir: string): string[] | undefined {
	const path = relative(contentDir, file).split(sep).join('/');
	if (path.startsWith('..')) return undefined;
	const { locale, sourcePath } = localeOfPath(path);
	if (!locale.dir) return undefined;
	const source = join(contentDir, sourcePath);
	if (!existsSync(source)) return undefined;
	return parseMarkdown(readFileSync(source, 'utf8'), markdownFormat(source)).headings.map((h) => h.anchor);
}

/** A Sätteri factory: called once per document, it leaves the plugin out of every non-translation. */
export function translationAnchorsPlugin(contentDir: string): (ctx: PluginFactoryContext) => HastPluginDefinition | undefined {
	return (ctx) => {
		const anchors = ctx.fileURL ? englishAnchors(fileURLToPath(ctx.fileURL), contentDir) : undefined;
		if (!anchors) return undefined;
		let index = 0;
		return {
			name: 'casebook-translation-anchors',
			element: {
				filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
				visit(node, visit) {
					const anchor = anchors[index++];
					if (anchor) visit.setProperty(node, 'id', anchor);
				},
			},
		};
	};
}

/** Registers the plugin on Sätteri, Astro 7's Markdown processor. */
export function translationAnchorsIntegration(contentDir: string): AstroIntegration {
	return hastStepIntegration('casebook-translation-anchors', 'gives translated headings their English anchors', () => translationAnchorsPlugin(contentDir));
}
