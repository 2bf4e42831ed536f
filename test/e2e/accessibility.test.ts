import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { askAffected } from './support/am-i-affected.ts';
import { openPanel } from './support/panels.ts';
import { axeViolations } from './support/axe.ts';
import { launchChromium, monitor, openContext, visit, type Monitor, type Theme } from './support/browser.ts';
import { search } from './support/search.ts';
import { serveSite, type ServedSite } from './support/site.ts';

// axe-core (WCAG 2 A and AA) finds nothing on the home page, every case page (with an "Am I
// affected?" answer shown), an opened verification panel, the search dialog showing results and
// the 404 page, in both of Starlight's themes; and the zh-cn home and case pages.

let site: ServedSite;
let browser: Browser;

before(async () => {
	site = await serveSite('root');
	browser = await launchChromium();
});

after(async () => {
	await browser?.close();
	await site?.close();
});

function assertClean(violations: string[], what: string): void {
	assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${what}:\n${violations.join('\n')}`);
}

for (const theme of ['light', 'dark'] as Theme[]) {
	describe(`accessibility, ${theme} theme`, () => {
		let page: Page;
		let watch: Monitor;

		before(async () => {
			const context = await openContext(browser, site, { theme });
			watch = monitor(context, site.origin);
			page = await context.newPage();
		});

		after(() => page?.context().close());

		async function open(url: string): Promise<void> {
			await visit(page, url);
			assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme, 'the theme took effect');
		}

		it('home page', async () => {
			await open(site.page());
			assertClean(await axeViolations(page), `the home page (${theme})`);
		});

		it('every case page, with an "Am I affected?" answer shown', async () => {
			const found: string[] = [];
			for (const summary of site.cases) {
				await open(site.at(summary.url));
				if (await page.locator('#am-i-affected-version').count()) {
					const example = summary.affected[0] ?? summary.fixedIn;
					if (example) await askAffected(page, example);
				}
				const violations = await axeViolations(page);
				if (violations.length) found.push(`${summary.url}:\n${violations.join('\n')}`);
			}
			assert.equal(found.length, 0, `axe violations on case pages (${theme}):\n${found.join('\n')}`);
		});

		// Panels hold thousands of highlighted lines and axe slows down with every element, while
		// all panels share one markup: the first panel of the first case page stands for the rest.
		it('a verification panel, opened and loaded', async () => {
			const summary = site.cases[0]!;
			await open(site.at(summary.url));
			const panel = page.locator('details[data-snippet-verification][data-fragment-src]').first();
			assert.equal(await panel.count(), 1, `${summary.url} has no verification panel`);
			await openPanel(page, panel);
			await panel.evaluate((details) => {
				details.setAttribute('data-axe-panel', '');
				details.querySelectorAll('details').forEach((inner) => ((inner as HTMLDetailsElement).open = true));
			});
			assertClean(await axeViolations(page, { include: '[data-axe-panel]' }), `a verification panel of ${summary.url} (${theme})`);
		});

		it('search dialog with results', async () => {
			await open(site.page());
			const summary = site.cases[0]!;
			const results = await search(page, summary.title.split(' ').slice(0, 3).join(' '));
			assert.ok(results.count > 0, 'the search shows results');
			assertClean(await axeViolations(page), `the search dialog (${theme})`);
		});

		it('zh-cn home page', async () => {
			await open(site.page('zh-cn/'));
			assertClean(await axeViolations(page), `the zh-cn home page (${theme})`);
		});

		it('every zh-cn case page, with a Chinese "Am I affected?" answer shown', async () => {
			const found: string[] = [];
			for (const summary of site.cases) {
				const zh = summary.translations?.find((t) => t.lang.toLowerCase() === 'zh-cn');
				assert.ok(zh, `${summary.id} has no zh-cn translation`);
				await open(site.at(zh.url));
				assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
				if (await page.locator('#am-i-affected-version').count()) {
					const example = summary.affected[0] ?? summary.fixedIn;
					if (example) {
						await askAffected(page, example);
						const answer = (await page.locator('#am-i-affected-result').textContent()) ?? '';
						assert.match(answer, /[\u4e00-\u9fff]/, `${zh.url}: the answer for ${example} is not in Chinese: ${answer}`);
					}
				}
				const violations = await axeViolations(page);
				if (violations.length) found.push(`${zh.url}:\n${violations.join('\n')}`);
			}
			assert.equal(found.length, 0, `axe violations on zh-cn case pages (${theme}):\n${found.join('\n')}`);
		});

		it('404 page', async () => {
			const missing = site.page('no-such-page/');
			watch.allowStatus(missing, 404);
			await open(missing);
			assertClean(await axeViolations(page), `the 404 page (${theme})`);
		});

		it('no console errors or failed requests on the way', () => {
			assert.deepEqual(watch.report(), []);
		});
	});
}
