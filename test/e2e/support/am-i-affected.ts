import type { Page } from 'playwright-core';

export const VERSION_INPUT = '#am-i-affected-version';
export const RESULT = '#am-i-affected-result';

export interface Answer {
	verdict: string | null;
	text: string;
	/** Elements the answer contains besides text, lists and spans: markup typed into the box must stay text. */
	unexpectedElements: string[];
}

/** Types a version into the "Am I affected?" box and reads the answer once it is for this input. */
export async function askAffected(page: Page, version: string): Promise<Answer> {
	const input = page.locator(VERSION_INPUT);
	await input.fill('');
	await page.waitForFunction((selector) => !document.querySelector(selector)?.hasAttribute('data-verdict'), RESULT);
	await input.fill(version);
	await page.waitForFunction((selector) => document.querySelector(selector)?.hasAttribute('data-verdict'), RESULT);
	return page.locator(RESULT).evaluate((result) => ({
		verdict: result.getAttribute('data-verdict'),
		text: result.textContent?.replace(/\s+/g, ' ').trim() ?? '',
		unexpectedElements: [...result.querySelectorAll('*')]
			.map((element) => element.tagName.toLowerCase())
			.filter((tag) => !['p', 'span', 'ul', 'li', 'code', 'strong', 'noscript'].includes(tag)),
	}));
}
