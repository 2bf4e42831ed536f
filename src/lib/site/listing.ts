import { PRODUCTS } from './products.ts';

/**
 * How many cases a listing shows at once. The home page, the 404 page and the sidebar stay the
 * same size however many cases there are: past these numbers they show the first cases and link
 * the browse pages (`/browse/<product>/`, `/browse/<product>/2/`, ...), which hold the rest.
 */
export const LISTING_PAGE_SIZE = 20;
/** A product group in the sidebar lists its cases up to this many; beyond, it links its browse pages. */
export const SIDEBAR_CASES_PER_PRODUCT = 12;

/** `/browse/tempo/` (page 1) or `/browse/tempo/3/`, without the base. */
export function browsePath(product: string, page = 1): string {
	return page <= 1 ? `/browse/${product}/` : `/browse/${product}/${page}/`;
}

export interface ProductCount {
	id: string;
	label: string;
	count: number;
}

/** Products that have cases, in sidebar order, with how many each has. */
export function productCounts(cases: ReadonlyArray<{ product: string }>): ProductCount[] {
	return PRODUCTS.map(({ id, label }) => ({ id, label, count: cases.filter((c) => c.product === id).length })).filter(
		(p) => p.count > 0,
	);
}

/** Splits a listing into pages of `size`; a listing with no items is one empty page. */
export function pages<T>(items: readonly T[], size = LISTING_PAGE_SIZE): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
	return result.length ? result : [[]];
}
