import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, monitor, openContext, type ContextOptions, type Monitor } from './browser.ts';
import { serveSite, type ServedSite } from './site.ts';

/** One served build, one Chromium, one monitored context with a page: what most browser tests share. */
export interface BrowserSession {
	site: ServedSite;
	browser: Browser;
	context: BrowserContext;
	page: Page;
	watch: Monitor;
	close(): Promise<void>;
}

export async function openSession(build: 'root' | 'kb', options: ContextOptions = {}): Promise<BrowserSession> {
	const site = await serveSite(build);
	const browser = await launchChromium();
	const context = await openContext(browser, site, options);
	const watch = monitor(context, site.origin);
	const page = await context.newPage();
	return {
		site,
		browser,
		context,
		page,
		watch,
		close: async () => {
			await browser.close();
			await site.close();
		},
	};
}
