import type { Page } from 'playwright-core';

/**
 * Drives Starlight's search the way a reader does: the header button opens a dialog holding
 * Pagefind's UI; typing runs the search; results are links to pages.
 */

const INPUT = '#starlight__search input.pagefind-ui__search-input';
const MESSAGE = '#starlight__search .pagefind-ui__message';
/** The page link of each result (not the links to its sections). */
const RESULT_LINK = '#starlight__search li.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a.pagefind-ui__result-link';

export async function openSearch(page: Page): Promise<void> {
	const dialog = page.locator('site-search dialog');
	if (await dialog.evaluate((d: HTMLDialogElement) => d.open)) return;
	// The button is disabled until the search script has run; click() waits for it.
	await page.locator('site-search button[data-open-modal]').click();
	await page.locator(INPUT).waitFor({ state: 'visible' });
}

export interface SearchResults {
	/** Result count as the UI states it. */
	count: number;
	/** Page URLs of the results in rank order, absolute, without a fragment. */
	urls: string[];
	titles: string[];
}

/**
 * Types `query` into the open search and returns the results once the UI shows them for exactly
 * this query (the UI debounces and answers asynchronously, so earlier queries must not leak in).
 */
export async function search(page: Page, query: string, options: { top?: number } = {}): Promise<SearchResults> {
	const top = options.top ?? 3;
	await openSearch(page);
	const input = page.locator(INPUT);
	await input.fill('');
	await input.fill(query);
	const expected = query.trim();
	const handle = await page.waitForFunction(
		({ message, expected }) => {
			const text = document.querySelector(message)?.textContent?.trim() ?? '';
			const match = /^(No results|(\d+) results?) for (.*)$/s.exec(text);
			if (!match || match[3] !== expected) return null;
			// An object, because a bare 0 ("No results") would read as "not yet" and keep waiting.
			return { count: match[2] ? Number(match[2]) : 0 };
		},
		{ message: MESSAGE, expected },
		{ timeout: 15_000 },
	);
	const { count } = (await handle.jsonValue()) as { count: number };
	const wanted = Math.min(count, top);
	// Results render as placeholders first and get their link when their fragment has loaded.
	if (wanted > 0) {
		await page.waitForFunction(
			({ selector, wanted }) => document.querySelectorAll(selector).length >= wanted,
			{ selector: RESULT_LINK, wanted },
			{ timeout: 15_000 },
		);
	}
	const links = await page.locator(RESULT_LINK).evaluateAll((anchors) =>
		anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent?.trim() ?? '' })),
	);
	return {
		count,
		urls: links.map((l) => l.href.replace(/#.*$/, '')),
		titles: links.map((l) => l.title),
	};
}
