import { slug as githubSlug } from 'github-slugger';

/**
 * The slug Astro's glob loader gives a content file (and so the page's path): each folder and the
 * file name through GitHub's slugger, the extension dropped, a trailing `/index` dropped. A
 * `slug` in the frontmatter wins, as it does for the loader.
 */
export function contentSlug(relativePath: string, frontmatterSlug?: unknown): string {
	if (typeof frontmatterSlug === 'string' && frontmatterSlug) return frontmatterSlug;
	return relativePath
		.replace(/\.mdx?$/, '')
		.split('/')
		.map((segment) => githubSlug(segment))
		.join('/')
		.replace(/\/index$/, '');
}
