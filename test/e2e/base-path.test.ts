import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { askAffected } from './support/am-i-affected.ts';
import { openPanel } from './support/panels.ts';
import { articleFile, fencesWithId } from './support/articles.ts';
import { idSelector, inViewport, visit, type Monitor } from './support/browser.ts';
import { search } from './support/search.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// The same site built for a sub-path (CASEBOOK_BASE=/kb/, served under /kb/): the representative
// parts work, and nothing on those pages points or loads outside /kb/.

const CASE_ID = 'tempo-ingester-statefulset-missing';

let session: BrowserSession;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
let watch: Monitor;
/** Every same-origin request path, to check none leaves the base. */
const requested: string[] = [];

before(async () => {
	session = await openSession('kb', { downloads: true });
	({ site, page, watch, context } = session);
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (url.origin === site.origin) requested.push(url.pathname);
	});
});

after(async () => {
	await session?.close();
});

function caseSummary() {
	const summary = site.cases.find((c) => c.id === CASE_ID);
	assert.ok(summary, `case ${CASE_ID} is not in the /kb/ build`);
	return summary;
}

/** Same-origin URLs the page refers to (links, scripts, styles, images, forms) that leave the base. */
async function linksOutsideBase(): Promise<string[]> {
	const urls = await page.evaluate(() => {
		const attributes: Array<[string, string]> = [
			['a[href]', 'href'],
			['link[href]', 'href'],
			['script[src]', 'src'],
			['img[src]', 'src'],
			['source[src]', 'src'],
			['form[action]', 'action'],
			['[data-casebook-copy]', 'data-casebook-copy'],
		];
		return attributes.flatMap(([selector, attribute]) =>
			[...document.querySelectorAll(selector)].map((element) => {
				const raw = element.getAttribute(attribute) ?? '';
				return { raw, absolute: new URL(raw, location.href).href, where: `${selector}` };
			}),
		);
	});
	return urls
		.filter(({ absolute }) => new URL(absolute).origin === site.origin && !new URL(absolute).pathname.startsWith(site.base))
		.map(({ raw, where }) => `${where}: ${raw}`);
}

describe('base path /kb/', () => {
	it('the case API gives addresses under /kb/', () => {
		assert.equal(site.base, '/kb/');
		for (const summary of site.cases) {
			assert.ok(summary.url.startsWith('/kb/'), summary.url);
			assert.equal(summary.permalink, `/kb/cases/${summary.id}/`);
		}
	});

	it('the home page lists every case with links under /kb/', async () => {
		const response = await visit(page, site.page());
		assert.equal(response?.status(), 200);
		const hrefs = await page.locator('[data-case-list] h2 a, [data-case-list] h3 a').evaluateAll((anchors) =>
			anchors.map((a) => a.getAttribute('href')),
		);
		for (const summary of site.cases) assert.ok(hrefs.includes(summary.url), `home page links ${summary.url}`);
		assert.deepEqual(await linksOutsideBase(), []);
	});

	it('the server root leads to /kb/', async () => {
		await visit(page, site.at('/'));
		assert.equal(page.url(), site.page());
	});

	it('a case page works and links only under /kb/', async () => {
		const summary = caseSummary();
		await visit(page, site.at(summary.url));
		assert.equal(await page.locator('[data-case-header]').getAttribute('data-case-id'), CASE_ID);
		assert.equal(await page.locator('[data-case-permalink]').getAttribute('href'), summary.permalink);
		assert.deepEqual(await linksOutsideBase(), []);
	});

	it('"Am I affected?" answers on the /kb/ build', async () => {
		assert.equal((await askAffected(page, '1.13.1')).verdict, 'affected');
		assert.equal((await askAffected(page, '1.13.2')).verdict, 'fixed');
		assert.equal((await askAffected(page, 'abc')).verdict, 'invalid');
	});

	it('a verification panel loads its checks from under /kb/', async () => {
		const panel = page.locator('details[data-snippet-verification][data-fragment-src]').first();
		assert.equal(await openPanel(page, panel), 'loaded');
		assert.ok((await panel.locator('li[data-check-id]').count()) > 0);
		assert.ok(requested.some((path) => path.startsWith(`/kb/verification/${CASE_ID}/`)), 'the panel file came from /kb/verification/');
	});

	it('snippet downloads are served under /kb/ with the fenced text', async () => {
		const summary = caseSummary();
		const fences = fencesWithId(readFileSync(articleFile(site.dir, summary, site.base), 'utf8'));
		const links = await page.locator('a[data-snippet-download]').evaluateAll((anchors) =>
			anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, snippet: a.closest('[data-snippet]')?.id ?? '' })),
		);
		assert.ok(links.length > 0, 'the case page has snippet downloads');
		for (const link of links) {
			assert.ok(new URL(link.href).pathname.startsWith(`/kb/snippets/${CASE_ID}/`), link.href);
			const response = await context.request.get(link.href);
			assert.equal(response.status(), 200, link.href);
			assert.equal(await response.text(), fences.find((f) => f.id === link.snippet)?.text);
		}
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-snippet-download]').first().click()]);
		assert.ok(download.url().startsWith(site.page('snippets/')), download.url());
	});

	it('the permalink with a #fragment lands on the snippet under /kb/', async () => {
		const summary = caseSummary();
		const id = await page.locator('[data-snippet][id]').last().getAttribute('id');
		assert.ok(id);
		await visit(page, `${site.at(summary.permalink)}#${id}`);
		assert.equal(page.url(), `${site.at(summary.url)}#${id}`);
		assert.ok((await inViewport(page, idSelector(id))).inView, `#${id} should be in view`);
	});

	// Ranking is search.test.ts's business; here each case is looked up by its title, which must
	// work whatever the tuning, so a failure points at the base path.
	it('search finds every case by its title and links its results under /kb/', async () => {
		await visit(page, site.page());
		for (const summary of site.cases) {
			const results = await search(page, summary.title);
			assert.equal(results.urls[0], site.at(summary.url), `searching "${summary.title}" on /kb/`);
			for (const url of results.urls) assert.ok(new URL(url).pathname.startsWith('/kb/'), url);
		}
		assert.deepEqual(await linksOutsideBase(), []);
	});

	it('the 404 page links only under /kb/', async () => {
		const missing = site.page('no-such-case/');
		watch.allowStatus(missing, 404);
		const response = await visit(page, missing);
		assert.equal(response?.status(), 404);
		assert.deepEqual(await linksOutsideBase(), []);
	});

	it('nothing was requested outside /kb/, and nothing failed', () => {
		const outside = requested.filter((path) => !path.startsWith('/kb/') && path !== '/');
		assert.deepEqual(outside, []);
		assert.deepEqual(watch.report(), []);
	});
});
