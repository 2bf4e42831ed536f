import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, monitor, openContext, visit, type Theme } from './support/browser.ts';
import { PROJECT_ROOT, serveSite, type ServedSite } from './support/site.ts';

// Full-page screenshots of every case page in both themes, for a reviewer to look at:
// test-output/screenshots/<case id>-<theme>.png (gitignored). Nothing is compared against them.

const OUTPUT = join(PROJECT_ROOT, 'test-output', 'screenshots');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let site: ServedSite;
let browser: Browser;

before(async () => {
	site = await serveSite('root');
	browser = await launchChromium();
	mkdirSync(OUTPUT, { recursive: true });
});

after(async () => {
	await browser?.close();
	await site?.close();
});

describe('screenshots', () => {
	for (const theme of ['light', 'dark'] as Theme[]) {
		it(`every case page, ${theme} theme, full page`, async () => {
			const context = await openContext(browser, site, { theme });
			const watch = monitor(context, site.origin);
			const page = await context.newPage();
			try {
				for (const summary of site.cases) {
					await visit(page, site.at(summary.url));
					// Web fonts and the theme must be in place before the picture is taken.
					await page.evaluate(() => document.fonts.ready);
					assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
					const file = join(OUTPUT, `${summary.id}-${theme}.png`);
					await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
					assert.ok(statSync(file).size > 10_000, `${file} is suspiciously small`);
					assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE);
				}
				assert.deepEqual(watch.report(), []);
			} finally {
				await context.close();
			}
		});
	}
});
