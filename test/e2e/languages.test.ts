import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { CaseSummary } from '../../src/lib/site/api.ts';
import { articleFile, fencesWithId, h2Anchors } from './support/articles.ts';
import { idSelector, inViewport, visit, type Monitor } from './support/browser.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// The two languages of a case are one place to a reader: `/zh-cn/cases/<id>/` lands on the Chinese
// page, and the language switcher moves between the English and Chinese page of the same case
// keeping the #anchor (heading and snippet anchors are the same in both), in both directions.

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

function chinese(summary: CaseSummary): { url: string; permalink: string } {
	const zh = summary.translations?.find((t) => t.lang.toLowerCase() === 'zh-cn');
	assert.ok(zh, `${summary.id} has no zh-cn translation in api/cases.json`);
	return zh;
}

/** Picks a language in Starlight's switcher (the visible one) and waits for the new page. */
async function switchTo(label: string): Promise<void> {
	const select = page.locator('starlight-lang-select select:visible').first();
	const from = page.url();
	await Promise.all([page.waitForURL((url) => url.href !== from), select.selectOption({ label })]);
	await page.waitForLoadState('load');
}

describe('zh-cn permalinks', () => {
	it('/zh-cn/cases/<id>/ of every case lands on its Chinese page, #fragment kept', async () => {
		for (const summary of site.cases) {
			const zh = chinese(summary);
			assert.equal(zh.permalink, `${site.base}zh-cn/cases/${summary.id}/`);
			await visit(page, site.at(zh.permalink));
			assert.equal(page.url(), site.at(zh.url), `${zh.permalink} should redirect to ${zh.url}`);
			assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
			assert.equal(await page.locator('[data-case-header]').getAttribute('data-case-id'), summary.id);
			assert.equal(await page.locator('[data-case-permalink]').getAttribute('href'), zh.permalink);
		}
		const summary = site.cases[0]!;
		const heading = h2Anchors(readFileSync(articleFile(site.dir, summary, site.base), 'utf8')).at(-1)!;
		await visit(page, `${site.at(chinese(summary).permalink)}#${heading}`);
		assert.equal(page.url(), `${site.at(chinese(summary).url)}#${heading}`);
	});
});

describe('the language switcher keeps the case and the anchor', () => {

	it('heading and snippet anchors, English -> 简体中文 -> English, for every case', { timeout: 120_000 }, async () => {
		for (const summary of site.cases) {
			const source = readFileSync(articleFile(site.dir, summary, site.base), 'utf8');
			const anchors = [h2Anchors(source).at(-1)!, fencesWithId(source).at(-1)!.id];
			const zh = chinese(summary);
			for (const anchor of anchors) {
				await visit(page, `${site.at(summary.url)}#${anchor}`);
				await switchTo('简体中文');
				assert.equal(page.url(), `${site.at(zh.url)}#${anchor}`, `${summary.url}#${anchor} -> 简体中文`);
				assert.equal(await page.locator(idSelector(anchor)).count(), 1, `${zh.url} has #${anchor}`);
				await page.waitForFunction((sel) => {
					const rect = document.querySelector(sel)?.getBoundingClientRect();
					return !!rect && rect.bottom > 0 && rect.top < window.innerHeight;
				}, idSelector(anchor), { timeout: 5_000 }).catch(() => undefined);
				assert.ok((await inViewport(page, idSelector(anchor))).inView, `#${anchor} is scrolled into view on ${zh.url}`);
				await switchTo('English');
				assert.equal(page.url(), `${site.at(summary.url)}#${anchor}`, `${zh.url}#${anchor} -> English`);
				assert.ok((await inViewport(page, idSelector(anchor))).inView, `#${anchor} is scrolled into view on ${summary.url}`);
			}
		}
	});
});

it('no console errors and no failed requests', () => {
	assert.deepEqual(watch.report(), []);
});
