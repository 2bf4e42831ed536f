import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { visit, type Monitor } from './support/browser.ts';
import { loadQueries } from './support/queries.ts';
import { search } from './support/search.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// Chinese search: every query of test/e2e/search-queries.zh-cn.yaml ranks its case first on a
// zh-cn page (the Chinese page) and on an English page (the case, in either language); long
// queries whose words no single page holds still answer, and say which words were left out.

const queries = loadQueries(new URL('./search-queries.zh-cn.yaml', import.meta.url));
const NOTE = '#starlight__search [data-casebook-search-note]';

let session: BrowserSession;
let site: ServedSite;
let page: Page;
let watch: Monitor;

before(async () => {
	session = await openSession('root');
	({ site, page, watch } = session);
});

after(async () => {
	await session?.close();
});

/** The case's English page and its zh-cn translation, as absolute URLs. */
function caseUrls(id: string): { en: string; zh: string } {
	const summary = site.cases.find((c) => c.id === id);
	assert.ok(summary, `case ${id} is not in api/cases.json of the build`);
	const zh = summary.translations?.find((t) => t.lang.toLowerCase() === 'zh-cn');
	assert.ok(zh, `case ${id} has no zh-cn translation in api/cases.json`);
	return { en: site.at(summary.url), zh: site.at(zh.url) };
}

const ranked = (urls: string[], titles: string[]) => urls.map((u, i) => `${i + 1}. ${new URL(u).pathname} (${titles[i]})`).join('; ') || 'no results';

describe('Chinese queries on a zh-cn page rank the Chinese case page first', () => {
	before(async () => visit(page, site.page('zh-cn/')));
	for (const { id, queries: list } of queries.cases) {
		for (const query of list) {
			it(`"${query}" -> ${id}`, { timeout: 30_000 }, async () => {
				const { zh } = caseUrls(id);
				const results = await search(page, query);
				assert.equal(results.urls[0], zh, `"${query}" on /zh-cn/: ${ranked(results.urls, results.titles)}`);
			});
		}
	}

	it('a long English query that no page holds every word of still answers, and names the word left out', { timeout: 30_000 }, async () => {
		const query = 'loki alerting rules configmap never reach ruler pod prometheus';
		const results = await search(page, query);
		assert.ok(results.count > 0, `"${query}" returned nothing`);
		assert.equal(new URL(results.urls[0]!).pathname.replace(/^\/zh-cn/, ''), new URL(caseUrls('loki-ruler-sidecar-distributed').en).pathname);
		await page.locator(NOTE).waitFor({ state: 'visible' });
		assert.match((await page.locator(NOTE).textContent()) ?? '', /“prometheus”/);
		assert.match((await page.locator(NOTE).textContent()) ?? '', /[\u4e00-\u9fff]/, 'the note is in Chinese on a Chinese page');
	});

	it('a long Chinese query without spaces still answers', { timeout: 30_000 }, async () => {
		const results = await search(page, '告警规则不加载到ruler的pod里面');
		assert.equal(results.urls[0], caseUrls('loki-ruler-sidecar-distributed').zh, ranked(results.urls, results.titles));
		await page.locator(NOTE).waitFor({ state: 'visible' });
	});
});

describe('Chinese and mixed queries on an English page find the case', () => {
	before(async () => visit(page, site.page('')));
	for (const { id, queries: list } of queries.cases) {
		for (const query of list) {
			it(`"${query}" -> ${id}`, { timeout: 30_000 }, async () => {
				const { en, zh } = caseUrls(id);
				const results = await search(page, query);
				assert.ok([en, zh].includes(results.urls[0] ?? ''), `"${query}" on /: ${ranked(results.urls, results.titles)}`);
				assert.equal(new Set(results.urls).size, results.urls.length, 'a case shows once, not once per language');
			});
		}
	}

	it('a long English query that no page holds every word of still answers, and names the word left out', { timeout: 30_000 }, async () => {
		const results = await search(page, 'loki alerting rules configmap never reach ruler pod prometheus');
		assert.equal(results.urls[0], caseUrls('loki-ruler-sidecar-distributed').en, ranked(results.urls, results.titles));
		await page.locator(NOTE).waitFor({ state: 'visible' });
		// Pages about Prometheus exist: the note must say the first result lacks the word, never that no page has it.
		assert.match((await page.locator(NOTE).textContent()) ?? '', /^No page has every word: .* the first result lacks “prometheus”\.$/);
	});
});

it('searching raised no console errors and made no failed requests', () => {
	assert.deepEqual(watch.report(), []);
});
