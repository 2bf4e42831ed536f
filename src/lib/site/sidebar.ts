import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listArticleFiles } from '../article/files.ts';
import { readPageFrontmatter } from '../article/load.ts';
import { contentSlug } from '../article/slug.ts';
import { localeOfPath } from '../i18n/locales.ts';
import { browsePath, SIDEBAR_CASES_PER_PRODUCT } from './listing.ts';
import { PRODUCTS } from './products.ts';

/**
 * The sidebar is built from page slugs rather than Starlight's `autogenerate`, which places
 * pages by folder and gets this layout wrong. Cases are grouped by product in a fixed order;
 * pages without a case (home, about) are linked explicitly.
 */

export interface SidebarPage {
	slug: string;
	title: string;
	/** `case.product`, or undefined for pages that are not cases. */
	product?: string;
}

/** The parts of Starlight's sidebar config this site uses. */
export type SidebarItem =
	| { slug: string; label?: string; translations?: Record<string, string> }
	| { label: string; link: string; translations?: Record<string, string> }
	| { label: string; translations?: Record<string, string>; items: SidebarItem[] };

export const HOME_SLUG = 'index';
export const ABOUT_SLUG = 'about/verification';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Every page carries the sidebar, so its size multiplies with the page count: a product with more
 * than SIDEBAR_CASES_PER_PRODUCT cases gets one link to its browse pages instead of a link per case.
 */
export function buildSidebar(pages: readonly SidebarPage[]): SidebarItem[] {
	const groups = PRODUCTS.map(({ id, label }) => {
		const cases = pages
			.filter((page) => page.product === id)
			.sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.slug, b.slug));
		const items: SidebarItem[] =
			cases.length > SIDEBAR_CASES_PER_PRODUCT
				? [{ label: `All ${cases.length} ${label} cases`, link: browsePath(id) }]
				: cases.map((page) => ({ slug: page.slug }));
		return { label, items };
	}).filter((group) => group.items.length > 0);
	const known = new Set<string>(PRODUCTS.map((p) => p.id));
	const stray = pages.find((page) => page.product !== undefined && !known.has(page.product));
	if (stray) throw new Error(`${stray.slug}: product "${stray.product}" has no sidebar group`);
	// Starlight links each slug to the reader's locale (the translated page, or the English one
	// as a fallback) and labels it with that page's title; these labels are the only fixed words.
	return [
		{ slug: HOME_SLUG, label: 'Cases', translations: { 'zh-CN': '案例' } },
		...groups,
		{ slug: ABOUT_SLUG, label: 'About verification', translations: { 'zh-CN': '关于验证' } },
	];
}

/**
 * Reads title, product and slug from every content file's frontmatter. Runs in astro.config.mjs,
 * before content collections exist, with the article reader the verifier uses; the collection
 * schema validates the same files moments later.
 */
export function readSidebarPages(contentDir: string): SidebarPage[] {
	return listArticleFiles(contentDir).flatMap((file) => {
		const data = readPageFrontmatter(readFileSync(join(contentDir, file), 'utf8'), file);
		const slug = contentSlug(file, data.slug);
		// The 404 page is Starlight's, not a sidebar page; a translated page is its English page's
		// entry, which Starlight localizes.
		if (slug === '404' || localeOfPath(file).locale.dir) return [];
		const title = typeof data.title === 'string' ? data.title : slug;
		const product = (data.case as { product?: unknown } | undefined)?.product;
		return [{ slug, title, product: typeof product === 'string' ? product : undefined }];
	});
}

export function sidebarFromContent(contentDir: string): SidebarItem[] {
	return buildSidebar(readSidebarPages(contentDir));
}
