import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { askAffected } from './support/am-i-affected.ts';
import { visit } from './support/browser.ts';
import { type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// A responder landing on a case reads who is hit, what to do and how to confirm before scrolling
// on a laptop, and within one and a half screens on a phone; the answers per kind never call a
// pitfall or a transition "fixed".

let session: BrowserSession;
let site: ServedSite;
let page: Page;

before(async () => {
	session = await openSession('root');
	({ site, page } = session);
});

after(async () => {
	await session?.close();
});

/** The bottom of the answer's "Do now" line and of the whole answer, in page pixels. */
async function answerBottoms(): Promise<{ action: number; confirm: number }> {
	return page.evaluate(() => {
		const bottom = (selector: string) => {
			const element = document.querySelector(selector);
			if (!element) throw new Error(`no ${selector}`);
			return element.getBoundingClientRect().bottom + window.scrollY;
		};
		return { action: bottom('[data-answer="action"]'), confirm: bottom('[data-answer="confirm"] p') };
	});
}

describe('the answer comes first', () => {
	for (const viewport of [
		{ width: 1280, height: 800, screens: 1 },
		{ width: 390, height: 844, screens: 1.5 },
	]) {
		it(`every case shows who is hit, what to do and how to confirm within ${viewport.screens} screen(s) at ${viewport.width}x${viewport.height}`, async () => {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			for (const summary of site.cases) {
				await visit(page, site.at(summary.url));
				assert.equal(await page.locator('[data-case-answer]').count(), 1, `${summary.id} has an answer block`);
				const { action, confirm } = await answerBottoms();
				const limit = viewport.height * viewport.screens;
				assert.ok(action <= limit, `${summary.id}: "Do now" ends at ${Math.round(action)} px, below ${limit} px`);
				assert.ok(confirm <= limit, `${summary.id}: "Confirm" ends at ${Math.round(confirm)} px, below ${limit} px`);
			}
		});
	}

	it('every statement of the answer says how it is known, and ✓ marks lead to a listed check', async () => {
		await page.setViewportSize({ width: 1280, height: 800 });
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			for (const part of ['who', 'action', 'confirm']) {
				const marks = await page.locator(`[data-answer="${part}"] .cb-evidence`).count();
				assert.ok(marks >= 1, `${summary.id}: the answer's ${part} has an evidence mark`);
			}
			const targets = await page.locator('.cb-evidence--check').evaluateAll((links) =>
				links.map((link) => (link as HTMLAnchorElement).hash.slice(1)),
			);
			// The list loads on demand: following the first mark opens it at its check.
			await page.locator('.cb-evidence--check').first().click();
			await page.locator(`[data-case-checks] li[id="${targets[0]}"]`).waitFor({ state: 'visible' });
			assert.equal(await page.locator('[data-case-checks]').evaluate((list) => (list as HTMLDetailsElement).open), true, `${summary.id}: the list opened`);
			for (const target of targets) {
				assert.equal(await page.locator(`[data-case-checks] li[id="${target}"]`).count(), 1, `${summary.id}: #${target} is listed`);
			}
		}
	});

	it('the status line never says "fixed" for a case that is only a pitfall or a transition', async () => {
		for (const summary of site.cases.filter((c) => !c.kinds.includes('regression'))) {
			await visit(page, site.at(summary.url));
			assert.doesNotMatch(await page.locator('[data-case-status]').first().innerText(), /fixed/i, summary.id);
		}
	});
});

describe('"Am I affected?" per kind of case', () => {
	it('prometheus 29.27.0 is hit by the replicas pitfall, never "not affected"', async () => {
		const summary = site.cases.find((c) => c.id === 'prometheus-statefulset-ha');
		assert.ok(summary && summary.kinds.includes('pitfall'), 'the prometheus case is a pitfall');
		await visit(page, site.at(summary.url));
		const answer = await askAffected(page, '29.27.0');
		assert.equal(answer.verdict, 'pitfall');
		assert.doesNotMatch(answer.text, /Not affected/);
		assert.match(answer.text, /What works in 29\.27\.0/);
	});

	it('the memberlist upgrade from 1.20.0 to 1.21.0 crosses the change; 1.21.0 to 1.22.0 does not', async () => {
		const summary = site.cases.find((c) => c.id === 'tempo-memberlist-cluster-label');
		assert.ok(summary && summary.kinds.includes('transition'), 'the memberlist case is a transition');
		await visit(page, site.at(summary.url));
		const ask = async (from: string, to: string) => {
			await page.fill('#am-i-affected-from', from);
			await page.fill('#am-i-affected-to', to);
			const result = page.locator('#am-i-affected-upgrade-result');
			await page.waitForFunction(
				([f, t]) => document.querySelector('#am-i-affected-upgrade-result')?.textContent?.includes(`${f}`) && document.querySelector('#am-i-affected-upgrade-result')?.textContent?.includes(`${t}`),
				[from, to],
			);
			return { verdict: await result.getAttribute('data-verdict'), text: await result.innerText() };
		};
		const crossing = await ask('1.20.0', '1.21.0');
		assert.equal(crossing.verdict, 'crosses');
		assert.match(crossing.text, /crosses 1\.21\.0/);
		assert.equal((await ask('1.21.0', '1.22.0')).verdict, 'no-change');
		const single = await askAffected(page, '1.21.0');
		assert.doesNotMatch(single.text, /fixed/i);
	});
});
