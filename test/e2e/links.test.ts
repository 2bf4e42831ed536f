import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { TRANSLATION_LOCALES } from '../../src/lib/i18n/locales.ts';
import type { CaseSummary } from '../../src/lib/site/api.ts';
import { articleFile, declaredAliases, fencesWithId, h2Anchors } from './support/articles.ts';
import { idSelector, inViewport, visit, type Monitor } from './support/browser.ts';
import { htmlPages, type ServedSite } from './support/site.ts';
import { openSession, type BrowserSession } from './support/session.ts';

// Addresses a reader keeps and shares: permalinks and old aliases redirect to the article, with
// the #fragment intact and its target scrolled into view; the copy controls put the right text on
// the clipboard; snippet downloads serve exactly the text of the article's fence.

let session: BrowserSession;
let site: ServedSite;
let context: BrowserContext;
let page: Page;
let watch: Monitor;

before(async () => {
	session = await openSession('root', { clipboard: true, downloads: true });
	({ site, page, watch, context } = session);
	assert.ok(site.cases.length > 0, 'the build has no cases (api/cases.json is empty)');
});

after(async () => {
	await session?.close();
});

/** The redirect pages of the build (permalinks and aliases), as paths below the base. */
function redirectPages(): string[] {
	return htmlPages(site.dir).filter((path) => {
		const file = path === '' || path.endsWith('/') ? join(site.dir, path, 'index.html') : join(site.dir, path);
		return /http-equiv="refresh"/.test(readFileSync(file, 'utf8'));
	});
}

/** The article's source anchors: its `##` headings and its snippets with an id. */
function sourceAnchors(summary: CaseSummary): { headings: string[]; snippets: string[] } {
	const source = readFileSync(articleFile(site.dir, summary, site.base), 'utf8');
	return { headings: h2Anchors(source), snippets: fencesWithId(source).map((f) => f.id) };
}

/** Checks that `id` lies below the first screen of the article, so landing on it needs a scroll. */
async function assertDeep(summary: CaseSummary, id: string): Promise<void> {
	await visit(page, site.at(summary.url));
	const { top, screen } = await page.evaluate(
		(sel) => ({ top: document.querySelector(sel)?.getBoundingClientRect().top, screen: window.innerHeight }),
		idSelector(id),
	);
	assert.ok(top !== undefined, `${summary.url} has no element with id "${id}"`);
	assert.ok(top > screen * 1.5, `#${id} of ${summary.url} is too close to the top (${top}px) to prove scrolling`);
}

async function expectLanding(summary: CaseSummary, address: string, id: string): Promise<void> {
	await visit(page, address);
	assert.equal(page.url(), `${site.at(summary.url)}#${id}`, `${address} should land on the article with #${id}`);
	// Scrolling to the fragment happens after load; give it a moment on a slow machine.
	await page.waitForFunction((sel) => {
		const rect = document.querySelector(sel)?.getBoundingClientRect();
		return !!rect && rect.bottom > 0 && rect.top < window.innerHeight;
	}, idSelector(id), { timeout: 5_000 }).catch(() => undefined);
	const position = await inViewport(page, idSelector(id));
	assert.ok(
		position.inView,
		`#${id} should be scrolled into view after opening ${address}; its top is at ${position.top}px of a ${position.viewport}px window`,
	);
}

describe('permalinks and aliases', () => {
	it('/cases/<id>/ of every case leads to its article', async () => {
		for (const summary of site.cases) {
			assert.equal(summary.permalink, `${site.base}cases/${summary.id}/`);
			await visit(page, site.at(summary.permalink));
			assert.equal(page.url(), site.at(summary.url), `${summary.permalink} should redirect to ${summary.url}`);
			assert.equal(await page.locator('[data-case-header]').getAttribute('data-case-id'), summary.id);
			assert.equal(await page.locator('[data-case-permalink]').getAttribute('href'), summary.permalink);
		}
	});

	it('every declared alias redirects to its article, and the build has no other redirects', async () => {
		const fromApi = new Map(
			site.cases.map((c) => [c.id, (c as CaseSummary & { aliases?: string[] }).aliases ?? []] as const),
		);
		const fromSources = declaredAliases(site.dir);
		// Every case has a permanent address per language (`/zh-cn/cases/<id>/`).
		const expected = new Set(site.cases.flatMap((c) => [undefined, ...TRANSLATION_LOCALES.map((l) => l.dir)].map((dir) => `${dir ? `${dir}/` : ''}cases/${c.id}/`)));
		for (const summary of site.cases) {
			const aliases = new Set([...(fromApi.get(summary.id) ?? []), ...(fromSources.get(summary.id) ?? [])]);
			for (const alias of aliases) {
				const path = `${alias.replace(/^\/+|\/+$/g, '')}/`;
				expected.add(path);
				await visit(page, site.page(path));
				assert.equal(page.url(), site.at(summary.url), `alias ${alias} of ${summary.id} should redirect to ${summary.url}`);
			}
		}
		assert.deepEqual(redirectPages().sort(), [...expected].sort(), 'redirect pages in the build vs. permalinks + declared aliases');
	});

	it('a redirect page keeps working without scripts (meta refresh and a visible link)', async () => {
		const summary = site.cases[0]!;
		const html = readFileSync(join(site.dir, 'cases', summary.id, 'index.html'), 'utf8');
		assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=${summary.url}"`));
		assert.match(html, new RegExp(`<a href="${summary.url}">`));
		assert.match(html, /<meta name="robots" content="noindex"/);
	});
});

describe('#fragments', () => {
	it('every ## heading and every snippet id of the article is an anchor on its page', async () => {
		for (const summary of site.cases) {
			const { headings, snippets } = sourceAnchors(summary);
			assert.ok(headings.length > 0 && snippets.length > 0, `${summary.id}: the article has headings and snippets`);
			await visit(page, site.at(summary.url));
			const missing = await page.evaluate(
				({ headings, snippets }) => [
					...headings.filter((id) => !document.querySelector(`h2[id="${id}"]`)).map((id) => `heading #${id}`),
					...snippets.filter((id) => !document.querySelector(`[data-snippet][id="${id}"]`)).map((id) => `snippet #${id}`),
				],
				{ headings, snippets },
			);
			assert.deepEqual(missing, [], `${summary.url}: anchors of the article missing on the page`);
		}
	});

	it("every heading's link shows its icon (drawn by CSS: the page carries no SVG for it)", async () => {
		const summary = site.cases[0]!;
		await visit(page, site.at(summary.url));
		const heading = page.locator('.sl-heading-wrapper.level-h2').first();
		await heading.hover();
		const icon = await heading.locator('.sl-anchor-icon').evaluate((span) => {
			const style = getComputedStyle(span);
			const box = span.getBoundingClientRect();
			return { children: span.childElementCount, mask: style.maskImage, width: box.width, height: box.height, visible: getComputedStyle(span.parentElement!).opacity };
		});
		assert.equal(icon.children, 0);
		assert.match(icon.mask, /^url\("data:image\/svg\+xml/);
		assert.ok(icon.width > 8 && icon.height > 8, `icon box ${icon.width}x${icon.height}`);
		assert.equal(icon.visible, '1');
	});

	it('the last heading, through the permalink, lands on the heading, scrolled into view', async () => {
		for (const summary of site.cases) {
			const id = sourceAnchors(summary).headings.at(-1)!;
			await assertDeep(summary, id);
			await expectLanding(summary, `${site.at(summary.permalink)}#${id}`, id);
		}
	});

	it('the last snippet, on the article and through the permalink, lands on the snippet', async () => {
		for (const summary of site.cases) {
			const id = sourceAnchors(summary).snippets.at(-1)!;
			await assertDeep(summary, id);
			await expectLanding(summary, `${site.at(summary.url)}#${id}`, id);
			await expectLanding(summary, `${site.at(summary.permalink)}#${id}`, id);
		}
	});
});

describe('copy controls', () => {
	async function copied(selector: string): Promise<{ clipboard: string; attribute: string | null; status: string }> {
		await page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
		const button = page.locator(selector).first();
		await button.click();
		await page.waitForFunction((sel) => document.querySelector(sel)?.hasAttribute('data-copied-text'), selector);
		const status = button.locator('xpath=..').locator('[data-casebook-copy-status]').first();
		return {
			clipboard: await page.evaluate(() => navigator.clipboard.readText()),
			attribute: await button.getAttribute('data-copied-text'),
			status: ((await status.count()) ? await status.textContent() : '')?.trim() ?? '',
		};
	}

	it('"Copy link" copies the absolute permalink', async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const result = await copied('[data-case-copy="link"]');
			assert.equal(result.clipboard, site.at(summary.permalink));
			assert.equal(result.attribute, result.clipboard);
			assert.equal(result.status, 'Copied');
		}
	});

	it('"Copy citation" copies a Markdown citation with title, permalink, chart, fix and date', async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const { clipboard } = await copied('[data-case-copy="citation"]');
			const title = summary.title.replace(/[\\[\]]/g, '\\$&');
			assert.ok(clipboard.startsWith(`[${title}](${site.at(summary.permalink)}) — Helm Casebook`), clipboard);
			assert.ok(clipboard.includes(`${summary.chart.repository}/${summary.chart.name}`), clipboard);
			assert.ok(clipboard.includes(summary.statusLine), clipboard);
			assert.ok(clipboard.endsWith(summary.verifiedAt.slice(0, 10)), clipboard);
			assert.doesNotMatch(clipboard, /\{url\}|undefined/);
		}
	});

	it('a snippet\'s "Copy link" copies the article URL with the snippet anchor', async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const id = await page.locator('[data-snippet][id]').first().getAttribute('id');
			assert.ok(id, `${summary.url} has no snippet with an id`);
			const result = await copied(`${idSelector(id)} button[data-casebook-copy="#${id}"]`);
			assert.equal(result.clipboard, `${site.at(summary.url)}#${id}`);
		}
	});
});

describe('snippet downloads', () => {
	it('every verified snippet has a download that serves exactly its fenced text', async () => {
		for (const summary of site.cases) {
			const file = articleFile(site.dir, summary, site.base);
			const fences = fencesWithId(readFileSync(file, 'utf8'));
			await visit(page, site.at(summary.url));
			const links = await page.locator('a[data-snippet-download]').evaluateAll((anchors) =>
				anchors.map((a) => ({
					href: (a as HTMLAnchorElement).href,
					download: a.getAttribute('download'),
					snippet: a.closest('[data-snippet]')?.id ?? '',
				})),
			);
			const checked = fences.filter((f) => !f.illustrative).map((f) => f.id).sort();
			assert.deepEqual(links.map((l) => l.snippet).sort(), checked, `${summary.id}: snippets with a download vs. checked fences of ${file}`);
			for (const link of links) {
				const fence = fences.find((f) => f.id === link.snippet)!;
				const extension = /^ya?ml$/i.test(fence.lang) ? 'yaml' : /^(bash|sh)$/.test(fence.lang) ? 'sh' : 'txt';
				const fileName = `${fence.id}.${extension}`;
				assert.equal(link.href, site.page(`snippets/${summary.id}/${fileName}`));
				assert.equal(link.download, fileName);
				const response = await context.request.get(link.href);
				assert.equal(response.status(), 200, link.href);
				assert.match(response.headers()['content-type'] ?? '', extension === 'yaml' ? /^text\/yaml/ : /^text\/plain/);
				assert.equal(await response.text(), fence.text, `${link.href} should serve the fence ${fence.id} of ${file} byte for byte`);
			}
		}
	});

	it('clicking a download link saves the snippet under its file name', async () => {
		for (const summary of site.cases) {
			await visit(page, site.at(summary.url));
			const link = page.locator('a[data-snippet-download]').first();
			const expected = await (await context.request.get((await link.evaluate((a) => (a as HTMLAnchorElement).href))!)).text();
			const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
			assert.equal(download.suggestedFilename(), await link.getAttribute('download'));
			assert.equal(readFileSync((await download.path())!, 'utf8'), expected);
		}
	});
});

describe('links', () => {
	it('raised no console errors and made no failed requests', () => {
		assert.deepEqual(watch.report(), []);
	});
});
