import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { visit, type Monitor } from './support/browser.ts';
import { openPanel } from './support/panels.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// A verified snippet's badge opens a panel whose checks are fetched from a separate file on
// first opening (they are most of a case page's weight). Every panel of every case page loads,
// shows passed checks with reproduce commands, and says so when its file cannot be fetched.

let session: BrowserSession;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
let watch: Monitor;

before(async () => {
	session = await openSession('root', { clipboard: true });
	({ site, page, watch, context } = session);
});

after(async () => {
	await session?.close();
});

describe('verification panels', () => {
	it('are not in the page until opened', async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			assert.ok((await page.locator('details[data-snippet-verification][data-fragment-src]').count()) > 0, `${summary.url} has panels`);
			assert.equal(await page.locator('li[data-check-id]').count(), 0, `${summary.url} ships no checks in its HTML`);
		}
	});

	it('every panel of every case page loads its passed checks, each with reproduce commands', async () => {
		const problems: string[] = [];
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const panels = page.locator('details[data-snippet-verification][data-fragment-src]');
			for (let i = 0; i < (await panels.count()); i++) {
				const panel = panels.nth(i);
				const where = `${summary.url}#${await panel.evaluate((d) => d.closest('[data-snippet]')?.id)}`;
				if ((await openPanel(page, panel)) !== 'loaded') {
					problems.push(`${where}: did not load`);
					continue;
				}
				const checks = await panel.locator('li[data-check-id]').evaluateAll((items) =>
					items.map((item) => ({
						id: item.getAttribute('data-check-id'),
						status: item.getAttribute('data-check-status'),
						reproduce: item.querySelector('[data-reproduce-copy]')?.getAttribute('data-casebook-copy-text') ?? '',
					})),
				);
				if (checks.length === 0) problems.push(`${where}: no checks`);
				for (const check of checks) {
					if (check.status !== 'passed') problems.push(`${where}: check ${check.id} is ${check.status}`);
					// One command per version, or a loop over the versions when there are many.
					if (!/^\s*helm template \S+ \S+ --version \S+/m.test(check.reproduce)) problems.push(`${where}: check ${check.id} has no helm template command`);
				}
				const fallback = await panel.locator('a[data-panel-link]').count();
				if (fallback !== 0) problems.push(`${where}: the no-script link is still shown after loading`);
			}
		}
		assert.deepEqual(problems, []);
	});

	it('a loaded panel\'s "Copy commands" puts the reproduce commands on the clipboard', async () => {
		const summary = site.cases[0]!;
		await visit(page, site.at(summary.url));
		const panel = page.locator('details[data-snippet-verification][data-fragment-src]').first();
		await openPanel(page, panel);
		const button = panel.locator('[data-reproduce-copy]').first();
		await button.click();
		await page.waitForFunction((el) => el?.hasAttribute('data-copied-text'), await button.elementHandle());
		assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await button.getAttribute('data-casebook-copy-text'));
	});

	it('the panel file is also reachable without scripts, through the link the panel shows', async () => {
		const summary = site.cases[0]!;
		await visit(page, site.at(summary.url));
		const panel = page.locator('details[data-snippet-verification][data-fragment-src]').first();
		const href = await panel.locator('a[data-panel-link]').evaluate((a) => (a as HTMLAnchorElement).href);
		const src = await panel.evaluate((d) => new URL(d.getAttribute('data-fragment-src')!, location.href).href);
		assert.equal(href, src);
		const response = await context.request.get(href);
		assert.equal(response.status(), 200);
		assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
		assert.match(await response.text(), /^<p class="cb-note">Rendered with <code>helm template<\/code>.*?<\/p>.*<ol class="cb-checks"><li class="cb-check" data-check-id="/s);
	});

	it('a panel whose file cannot be fetched says so and keeps the link', async () => {
		const summary = site.cases[0]!;
		await context.route('**/verification/**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
		try {
			await visit(page, site.at(summary.url));
			const panel = page.locator('details[data-snippet-verification][data-fragment-src]').first();
			watch.allowStatus(await panel.evaluate((d) => new URL(d.getAttribute('data-fragment-src')!, location.href).href), 503);
			assert.equal(await openPanel(page, panel), 'failed');
			assert.match((await panel.locator('[role="alert"]').textContent()) ?? '', /could not be loaded \(HTTP 503\)/);
			assert.equal(await panel.locator('a[data-panel-link]').count(), 1);
		} finally {
			await context.unroute('**/verification/**');
		}
	});

	it("a case's list of checks is not in the page until opened, then lists every check", async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const list = page.locator('details[data-case-checks]');
			assert.equal(await list.locator('li[data-case-check]').count(), 0, `${summary.url} ships no list of checks in its HTML`);
			await list.locator('summary').click();
			await list.locator('li[data-case-check]').first().waitFor({ state: 'visible' });
			const count = Number(/(\d+) checks/.exec((await list.locator('summary').textContent()) ?? '')?.[1]);
			assert.equal(await list.locator('li[data-case-check]').count(), count, `${summary.url}: the summary's count is listed`);
		}
	});

	it('a list of checks that cannot be fetched says so and keeps the link', async () => {
		const summary = site.cases[0]!;
		await context.route('**/verification/*.html', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
		try {
			await visit(page, site.at(summary.url));
			const list = page.locator('details[data-case-checks]');
			watch.allowStatus(await list.evaluate((d) => new URL(d.getAttribute('data-fragment-src')!, location.href).href), 503);
			await list.locator('summary').click();
			await list.locator('[role="alert"]').waitFor();
			assert.match((await list.locator('[role="alert"]').textContent()) ?? '', /could not be loaded \(HTTP 503\)/);
			assert.equal(await list.locator('a[href$=".html"]').count(), 1);
		} finally {
			await context.unroute('**/verification/*.html');
		}
	});

	it("a snippet's Copy button copies exactly the snippet file, and no block carries its code twice", async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			assert.equal(await page.locator('[data-code]').count(), 0, `${summary.url}: no code in data-code attributes`);
			const snippet = page.locator('[data-snippet-status="verified"]').first();
			const download = await snippet.locator('a[data-snippet-download]').evaluate((a) => (a as HTMLAnchorElement).href);
			const button = snippet.locator('button[data-casebook-copy-code]');
			await button.click();
			await page.waitForFunction((b) => b?.hasAttribute('data-copied-text'), await button.elementHandle());
			const copied = await button.getAttribute('data-copied-text');
			const file = await (await context.request.get(download)).text();
			assert.equal(copied?.replace(/\n$/, ''), file.replace(/\n$/, ''), `${summary.url}: the copied code is the snippet file`);
		}
	});

	it('raised no console errors and made no failed requests', () => {
		assert.deepEqual(watch.report(), []);
	});
});
