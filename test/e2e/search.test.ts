import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { visit, type Monitor } from './support/browser.ts';
import { loadQueries } from './support/queries.ts';
import { search } from './support/search.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// Every query of test/e2e/search-queries.yaml, typed into the site's search dialog, must return
// its case as the first result. A miss names the query and what ranked above the case.

const queries = loadQueries();

let session: BrowserSession;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
let watch: Monitor;
const misses: string[] = [];

before(async () => {
	session = await openSession('root');
	({ site, page, watch, context } = session);
	await visit(page, site.page());
});

after(async () => {
	if (misses.length) console.log(`\nSearch queries that did not rank their case first:\n${misses.join('\n')}\n`);
	await session?.close();
});

describe('search queries', () => {
	it('cover every case in the build, and only those', () => {
		const built = site.cases.map((c) => c.id).sort();
		const listed = queries.cases.map((c) => c.id).sort();
		assert.deepEqual(listed, built, 'test/e2e/search-queries.yaml must list exactly the cases of api/cases.json');
	});

	for (const { id, queries: list } of queries.cases) {
		describe(id, () => {
			for (const query of list) {
				it(`"${query}" ranks ${id} first`, { timeout: 30_000 }, async () => {
					const summary = site.cases.find((c) => c.id === id);
					assert.ok(summary, `case ${id} is not in api/cases.json of the build`);
					const expected = site.at(summary.url);
					const results = await search(page, query);
					const rank = results.urls.indexOf(expected);
					if (rank !== 0) {
						const got = results.urls.length
							? results.urls.map((url, i) => `${i + 1}. ${new URL(url).pathname} (${results.titles[i]})`).join('; ')
							: 'no results';
						misses.push(`  ${id}: "${query}" -> ${got}`);
						assert.fail(
							`"${query}" should return ${summary.url} first; got ${results.count} result(s): ${got}`,
						);
					}
				});
			}
		});
	}

	it('the dialog opens centred below the header, styled as Starlight styles it', async () => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await visit(page, site.page());
		await page.locator('site-search button[data-open-modal]').click();
		const dialog = page.locator('site-search dialog');
		await dialog.waitFor({ state: 'visible' });
		const box = (await dialog.boundingBox())!;
		await page.keyboard.press('Escape');
		// Starlight's rules: 40rem wide, 4rem from the top, centred (its cascade layers in their order).
		assert.equal(Math.round(box.width), 640);
		assert.equal(Math.round(box.y), 64);
		assert.ok(Math.abs(box.x + box.width / 2 - 640) <= 1, `dialog centre at ${box.x + box.width / 2}, expected 640`);
	});

	it('searching raised no console errors and made no failed requests', () => {
		assert.deepEqual(watch.report(), []);
	});
});
