import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, monitor, openContext, visit, type Theme } from './support/browser.ts';
import { PROJECT_ROOT, serveSite, type ServedSite } from './support/site.ts';

// Full-page screenshots of every case page in both themes and both languages, for a reviewer to
// look at: test-output/screenshots/<case id>[-zh-cn]-<theme>.png (gitignored). Nothing is compared
// against them; the Chinese pages are checked to draw real CJK glyphs from the reader's system
// fonts (no web font is downloaded).

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

	for (const theme of ['light', 'dark'] as Theme[]) {
		it(`every zh-cn case page, ${theme} theme, full page, CJK drawn from system fonts`, async () => {
			const context = await openContext(browser, site, { theme });
			const watch = monitor(context, site.origin);
			const fonts: string[] = [];
			context.on('request', (request) => {
				if (request.resourceType() === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(request.url())) fonts.push(request.url());
			});
			const page = await context.newPage();
			try {
				for (const summary of site.cases) {
					const zh = summary.translations?.find((t) => t.lang.toLowerCase() === 'zh-cn');
					assert.ok(zh, `${summary.id} has no zh-cn translation`);
					await visit(page, site.at(zh.url));
					await page.evaluate(() => document.fonts.ready);
					assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
					// A missing CJK font draws every character as the same box: two different
					// characters in the title's own font must come out as different pictures.
					const distinct = await page.evaluate(() => {
						const title = document.querySelector('h1')!;
						const font = getComputedStyle(title).font;
						const draw = (text: string) => {
							const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
							const context = canvas.getContext('2d')!;
							context.font = font;
							context.fillText(text, 4, 48);
							return canvas.toDataURL();
						};
						return draw('告') !== draw('警') && /[\u4e00-\u9fff]/.test(title.textContent ?? '');
					});
					assert.ok(distinct, `${zh.url}: the Chinese title is not drawn with real CJK glyphs`);
					const file = join(OUTPUT, `${summary.id}-zh-cn-${theme}.png`);
					await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
					assert.ok(statSync(file).size > 10_000, `${file} is suspiciously small`);
					assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE);
				}
				assert.deepEqual(fonts, [], 'no web font is downloaded: CJK comes from the reader\'s system fonts');
				assert.deepEqual(watch.report(), []);
			} finally {
				await context.close();
			}
		});
	}
});
