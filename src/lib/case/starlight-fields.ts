import { z } from 'zod';

/**
 * Frontmatter is text: a reader's browser must never run script from it. Starlight's own
 * frontmatter has fields that it renders as HTML or uses as link targets, so these narrower
 * versions replace them (Starlight deep-merges the casebook's schema over its own, and the
 * verifier reports a violation at its file and line):
 *
 * - `head`: tags, `<script>` included, with their content set as HTML (components/Head.astro);
 * - `hero`: title and tagline set as HTML, and without a title the page title (Hero.astro);
 * - `banner.content`: set as HTML (Banner.astro);
 * - `sidebar.attrs`: any attribute, `onclick` included, on the page's sidebar link on every page;
 * - `editUrl`, `prev.link`, `next.link`: link targets, where `javascript:` would run on a click.
 *
 * No page of the casebook needs the first four; links keep working when they are web addresses.
 */

function refused(field: string, why: string) {
	return z.never({ error: `${field} is not allowed: ${why}; frontmatter here is text` });
}

/** A web address, or a path on this site: never `javascript:` or another scheme. */
export function isWebLink(href: string): boolean {
	try {
		// The WHATWG parser reads the scheme as browsers do (tabs, newlines, case and leading spaces).
		const { protocol } = new URL(href, 'https://casebook.invalid/');
		return protocol === 'https:' || protocol === 'http:';
	} catch {
		return false;
	}
}

const webLink = z.string().refine(isWebLink, { message: 'expected an http(s) address or a path on this site' });

const prevNext = z
	.union([z.boolean(), z.string(), z.strictObject({ link: webLink.optional(), label: z.string().optional() })])
	.optional();

export const textOnlyStarlightFields = {
	head: z.array(refused('head', 'Starlight writes its tags into the page as HTML')).default([]),
	hero: refused('hero', 'Starlight renders its title and tagline as HTML').optional(),
	banner: refused('banner', 'Starlight renders its content as HTML').optional(),
	sidebar: z
		.object({ attrs: z.record(z.string(), refused('sidebar.attrs', 'it sets any attribute, event handlers too')).optional() })
		.loose()
		.prefault({}),
	editUrl: z.union([z.url({ protocol: /^https?$/, error: 'expected an http(s) address' }), z.boolean()]).default(true),
	prev: prevNext,
	next: prevNext,
};
