import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { visit, type Monitor } from './support/browser.ts';
import { search } from './support/search.ts';
import { htmlPages, type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// The casebook must work on an air-gapped network: every page of the build, and a search, load
// from the local server alone, without console errors or failed requests.

let session: BrowserSession;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
let watch: Monitor;

before(async () => {
	session = await openSession('root');
	({ site, page, watch, context } = session);
});

after(async () => {
	await session?.close();
});

function problemsOf(what: string): void {
	const problems = watch.report();
	watch.reset();
	assert.deepEqual(problems, [], `${what}: requests outside ${site.origin}, console errors or failed requests`);
}

describe('offline', () => {
	it('the build holds the pages the walk expects', () => {
		const pages = htmlPages(site.dir);
		for (const expected of ['', '404.html', 'about/verification/']) assert.ok(pages.includes(expected), `missing ${expected || 'index.html'}`);
		for (const summary of site.cases) {
			assert.ok(pages.includes(summary.url.slice(site.base.length)), `missing the page of ${summary.id}`);
			assert.ok(pages.includes(`cases/${summary.id}/`), `missing the permalink page of ${summary.id}`);
		}
	});

	it('every HTML page of the build loads from the local server alone', async () => {
		const pages = htmlPages(site.dir);
		const failures: string[] = [];
		for (const path of pages) {
			const response = await visit(page, site.page(path));
			if (!response || response.status() !== 200) failures.push(`${path || '/'}: HTTP ${response?.status()}`);
			const problems = watch.report();
			watch.reset();
			failures.push(...problems.map((problem) => `${path || '/'}: ${problem}`));
		}
		assert.deepEqual(failures, []);
	});

	it('an unknown address gets the 404 page with status 404 and nothing else fails', async () => {
		const missing = site.page('tempo/ingester-went-missing/');
		watch.allowStatus(missing, 404);
		const response = await visit(page, missing);
		assert.equal(response?.status(), 404);
		assert.equal(await page.title(), 'Page not found | Helm Casebook');
		assert.equal((await page.locator('[data-missing-path]').textContent())?.trim(), '/tempo/ingester-went-missing/');
		assert.ok((await page.locator('[data-case-list] li[data-search]').count()) >= site.cases.length);
		problemsOf('the 404 page');
	});

	it('the 404 page searches for the words of the missing address', async () => {
		await page.locator('[data-search-missing]').click();
		await page.waitForFunction(() => /results? for ingester went missing$/.test(document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim() ?? ''));
		problemsOf('searching from the 404 page');
	});

	it('a search loads its index and results from the local server alone', async () => {
		await visit(page, site.page());
		const results = await search(page, 'helm template');
		assert.ok(results.count > 0, 'a search for "helm template" should find pages');
		// Open the first result, as a reader would.
		await Promise.all([page.waitForURL(results.urls[0]!), page.locator('#starlight__search a.pagefind-ui__result-link').first().click()]);
		await page.waitForLoadState('networkidle');
		problemsOf('search');
	});
});
