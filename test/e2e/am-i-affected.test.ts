import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { askAffected, RESULT, VERSION_INPUT } from './support/am-i-affected.ts';
import { visit, type Monitor } from './support/browser.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// The "Am I affected?" box of the ingester case, as a reader uses it: type a chart version, read
// the verdict. Versions from the case's fact sheet: 1.13.0 and 1.13.1 render no ingester
// StatefulSet, 1.12.0 predates the bug, 1.13.2 fixes it, community 3.x drops the ingester on purpose.

const CASE_ID = 'tempo-ingester-statefulset-missing';

let session: BrowserSession;
let site: ServedSite;
let page: Page;
let watch: Monitor;

before(async () => {
	session = await openSession('root');
	({ site, page, watch } = session);
	const summary = site.cases.find((c) => c.id === CASE_ID);
	assert.ok(summary, `case ${CASE_ID} is not in the build`);
	await visit(page, site.at(summary.url));
});

after(async () => {
	await session?.close();
});

describe(`"Am I affected?" on ${CASE_ID}`, () => {
	it('starts empty and labelled', async () => {
		assert.equal(await page.locator(RESULT).getAttribute('data-verdict'), null);
		assert.equal(await page.locator(`label[for="am-i-affected-version"]`).count(), 1);
		assert.equal(await page.locator(RESULT).getAttribute('aria-live'), 'polite');
	});

	const answers: Array<[string, string, RegExp]> = [
		['1.13.0', 'affected', /1\.13\.0 is affected\. Upgrade to 1\.13\.2/],
		['1.13.1', 'affected', /1\.13\.1 is affected/],
		[' v1.13.1 ', 'affected', /1\.13\.1 is affected/],
		['1.12.0', 'not-affected', /Not affected/],
		['1.13.2', 'fixed', /Not affected \(fixed\)/],
		['3.0.0', 'not-applicable', /does not apply/],
		['9.9.9', 'unknown', /9\.9\.9 is not a release of this chart that was rendered/],
	];
	for (const [input, verdict, text] of answers) {
		it(`answers ${verdict} for "${input}"`, async () => {
			const answer = await askAffected(page, input);
			assert.equal(answer.verdict, verdict, `verdict for "${input}": ${answer.text}`);
			assert.match(answer.text, text);
		});
	}

	for (const input of ['abc', '1.13', '<script>', '<img src=x onerror="window.__pwned=1">', '1.13.0; rm -rf /', '１.１３.０']) {
		it(`answers "${input}" politely, as text`, async () => {
			const answer = await askAffected(page, input);
			assert.equal(answer.verdict, 'invalid', `verdict for "${input}": ${answer.text}`);
			assert.match(answer.text, /^Not a chart version/);
			assert.ok(answer.text.includes(input), `the answer quotes the input: ${answer.text}`);
			assert.doesNotMatch(answer.text.replace(input, ''), /undefined|NaN|null|error|exception/i);
			assert.deepEqual(answer.unexpectedElements, [], 'the input must not become markup');
			assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
		});
	}

	it('answers on Enter without leaving the page', async () => {
		const before = page.url();
		await page.locator(VERSION_INPUT).fill('1.13.0');
		await page.locator(VERSION_INPUT).press('Enter');
		await page.waitForTimeout(200);
		assert.equal(page.url(), before);
		assert.equal(await page.locator(RESULT).getAttribute('data-verdict'), 'affected');
	});

	it('clears the answer when the box is emptied', async () => {
		await page.locator(VERSION_INPUT).fill('');
		assert.equal(await page.locator(RESULT).getAttribute('data-verdict'), null);
		assert.equal((await page.locator(RESULT).textContent())?.trim(), '');
	});

	it('lists every rendered version of each chart when its list is opened, and not before', async () => {
		for (const matrix of await page.locator('div[data-matrix-chart]').all()) {
			const chart = await matrix.getAttribute('data-matrix-chart');
			const list = matrix.locator('details.cb-matrix-all');
			assert.equal(await list.locator('dd').count(), 0, `${chart}: no version list in the page's HTML`);
			await list.locator('summary').click();
			await list.locator('dd').first().waitFor({ state: 'visible' });
			// One run of versions per row of the table above, and every version of the caption's count.
			const rows = await matrix.locator('tbody tr').count();
			assert.equal(await list.locator('dt').count(), rows, `${chart}: one run per table row`);
			const rendered = Number(/(\d+)/.exec((await matrix.locator('caption').textContent()) ?? '')?.[1]);
			const versions = (await list.locator('dd').allTextContents()).flatMap((text) => text.split(', '));
			assert.equal(versions.length, rendered, `${chart}: every rendered version listed`);
		}
	});

	it('logged no console errors and made no failed requests', () => {
		assert.deepEqual(watch.report(), []);
	});
});
