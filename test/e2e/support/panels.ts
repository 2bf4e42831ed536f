import type { Locator, Page } from 'playwright-core';

/**
 * Opens a snippet's verification panel as a reader does (a click on its summary) and waits until
 * its checks have been fetched; returns the final `data-fragment-state` (`loaded` or `failed`).
 */
export async function openPanel(page: Page, panel: Locator): Promise<string | null> {
	await panel.locator('summary').click();
	await page.waitForFunction(
		(details) => ['loaded', 'failed'].includes(details?.getAttribute('data-fragment-state') ?? ''),
		await panel.elementHandle(),
	);
	return panel.getAttribute('data-fragment-state');
}
