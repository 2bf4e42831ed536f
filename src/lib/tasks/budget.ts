import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { BrowserContext, Response } from 'playwright-core';
import type { CasesApi } from '../site/api.ts';
import { normaliseBase } from '../site/base.ts';
import { createStaticServer } from '../site/static-server.ts';
import { formatTable, kilobytes, total, transfer, usedBytes, verdict, type ScriptCoverage, type Transfer } from './budget-figures.ts';
import { launchChromium } from './headless.ts';

/**
 * `npm run budget`: what a reader's browser downloads and runs, measured in Chromium against a
 * built site. Printed, not asserted: the figures move with every article, and a reviewer decides.
 *
 * - First visit: every response of one page load with an empty cache, search excluded: files
 *   under `<base>pagefind/` and the Pagefind UI bundle Starlight imports when the browser is idle.
 * - First search: the search UI bundle and the Pagefind files fetched when the first query runs.
 * - JavaScript: bytes of every script the page ran (inline ones too) and how much of it executed.
 */

export const BUDGET_KIB = { firstVisit: 40, firstSearch: 100 } as const;

export interface BudgetOptions {
	/** The built site, e.g. `dist`. */
	dir: string;
	base: string;
	/** What the first search types. */
	query: string;
	/** Chromium to measure with (loadConfig's `browser`). */
	browser: string;
	/** Which pages to visit; by default the home, case and 404 pages of every language. */
	paths?: (cases: CasesApi['cases'], base: string) => string[];
}

/**
 * What each page load fetched and ran; `firstSearches` is what the first query fetched on the first
 * case page of each language, `firstSearch` the first of them (the root language's).
 */
export interface BudgetFigures {
	pages: PageFigures[];
	firstSearch: Transfer[];
	firstSearches: Array<{ path: string; fetched: Transfer[] }>;
}

export interface PageFigures {
	path: string;
	page: Transfer[];
	searchUi: Transfer[];
	scripts: { total: number; used: number; searchUi: number };
}

/** Pagefind's UI bundle: Starlight imports it on every page once the browser is idle. */
function isSearchUi(url: string, body: Buffer): boolean {
	return /\.m?js$/.test(new URL(url).pathname) && body.includes('pagefind-ui__');
}

function collect(context: BrowserContext): { settle: () => Promise<Array<{ url: string; body: Buffer }>> } {
	const pending: Array<Promise<{ url: string; body: Buffer } | undefined>> = [];
	context.on('response', (response: Response) => {
		if (response.status() >= 300 && response.status() < 400) return;
		pending.push(
			response.body().then(
				(body) => ({ url: response.url(), body }),
				() => undefined,
			),
		);
	});
	return {
		settle: async () => {
			const settled = await Promise.all(pending.splice(0));
			return settled.filter((entry): entry is { url: string; body: Buffer } => entry !== undefined);
		},
	};
}

export async function measureBudget(options: BudgetOptions): Promise<string> {
	const { pages, firstSearches } = await collectBudget(options);
	return report(pages, firstSearches, options);
}

/**
 * Loads each page in a fresh browser context and records what it fetched; the first search runs
 * on the first case page of each language.
 */
export async function collectBudget(options: BudgetOptions): Promise<BudgetFigures> {
	const dir = resolve(options.dir);
	const base = normaliseBase(options.base);
	const api = join(dir, 'api', 'cases.json');
	if (!existsSync(api)) throw new Error(`${dir} is not a built casebook (no api/cases.json). Run \`npm run build\` first.`);
	const cases = (JSON.parse(readFileSync(api, 'utf8')) as CasesApi).cases;
	// Every language: the home page, the case pages and the 404 page of each.
	const translated = cases.flatMap((c) => (c.translations ?? []).map((t) => t.url));
	const localeHomes = [...new Set(translated.map((url) => url.slice(0, url.indexOf('/', base.length) + 1)))];
	const paths = options.paths?.(cases, base) ?? [base, ...cases.map((c) => c.url), `${base}404.html`, ...localeHomes, ...translated];
	const searchPages = [cases[0]?.url, translated[0]].filter((p): p is string => p !== undefined);

	const server = createStaticServer({ root: dir, base });
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await launchChromium(options.browser);
	try {
		const figures: PageFigures[] = [];
		const firstSearches: BudgetFigures['firstSearches'] = [];
		for (const path of paths) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			await context.route((url) => !url.href.startsWith(`${origin}/`), (route) => route.abort('blockedbyclient'));
			const responses = collect(context);
			const page = await context.newPage();
			await page.coverage.startJSCoverage({ resetOnNavigation: false });
			await page.goto(origin + path, { waitUntil: 'load' });
			await page.waitForLoadState('networkidle');
			const coverage = (await page.coverage.stopJSCoverage()) as ScriptCoverage[];
			const loaded = await responses.settle();
			const searchUiUrls = new Set(loaded.filter((r) => isSearchUi(r.url, r.body)).map((r) => r.url));
			const isSearch = (url: string) => new URL(url).pathname.startsWith(`${base}pagefind/`) || searchUiUrls.has(url);
			const scripts = coverage.map((script) => ({ url: script.url, ...usedBytes(script) }));
			figures.push({
				path,
				page: loaded.filter((r) => !isSearch(r.url)).map((r) => transfer(r.url, r.body)),
				searchUi: loaded.filter((r) => searchUiUrls.has(r.url)).map((r) => transfer(r.url, r.body)),
				scripts: {
					total: scripts.reduce((n, s) => n + s.total, 0),
					used: scripts.reduce((n, s) => n + s.used, 0),
					searchUi: scripts.filter((s) => searchUiUrls.has(s.url)).reduce((n, s) => n + s.total, 0),
				},
			});
			// The first search, on the first case page of each language (the page a reader lands on).
			if (searchPages.includes(path)) {
				await page.locator('site-search button[data-open-modal]').click();
				const input = page.locator('#starlight__search input');
				await input.fill(options.query);
				await page.waitForFunction(
					(query) => /for (.*)$/.exec(document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim() ?? '')?.[1] === query,
					options.query,
				);
				// Results first show as placeholders and fetch their fragments one by one; the search is
				// complete when every shown result has its text (else the figure depends on timing).
				await page.waitForFunction(() => {
					const results = document.querySelector('#starlight__search .pagefind-ui__results');
					return !results || (results.querySelector('.pagefind-ui__result') && !results.querySelector('.pagefind-ui__loading'));
				});
				await page.waitForLoadState('networkidle');
				const fetched = await responses.settle();
				// On a slow machine the UI bundle may only arrive with the click; it counts as UI, not index.
				const current = figures.at(-1)!;
				for (const r of fetched) if (isSearchUi(r.url, r.body)) current.searchUi.push(transfer(r.url, r.body));
				// Only the bundle's files: the browser may fetch the favicon late, in the same window.
				const index = fetched.filter((r) => new URL(r.url).pathname.startsWith(`${base}pagefind/`) && !isSearchUi(r.url, r.body));
				firstSearches.push({ path, fetched: index.map((r) => transfer(r.url, r.body)) });
			}
			await context.close();
		}
		// Reported relative to the site, so figures of two builds compare.
		const strip = (t: Transfer): Transfer => ({ ...t, url: t.url.slice(origin.length) });
		const searches = firstSearches.map(({ path, fetched }) => ({ path, fetched: fetched.map(strip) }));
		return {
			pages: figures.map((f) => ({ ...f, page: f.page.map(strip), searchUi: f.searchUi.map(strip) })),
			firstSearch: searches[0]?.fetched ?? [],
			firstSearches: searches,
		};
	} finally {
		await browser.close();
		server.close();
	}
}

function report(figures: PageFigures[], firstSearches: BudgetFigures['firstSearches'], options: BudgetOptions): string {
	const visit = [['First visit, empty cache (search excluded)', 'requests', 'raw KiB', 'gzip KiB', `≤ ${BUDGET_KIB.firstVisit} KiB gzip`]];
	for (const f of figures) {
		const sum = total(f.page);
		visit.push([f.path, String(sum.requests), kilobytes(sum.raw), kilobytes(sum.gzip), verdict(sum.gzip, BUDGET_KIB.firstVisit)]);
	}

	const caseFigures = figures.find((f) => f.searchUi.length > 0) ?? figures[0]!;
	// The same bundle on every page: count it once.
	const ui = total(caseFigures.searchUi);
	const search = [[`First search ("${options.query}")`, 'requests', 'raw KiB', 'gzip KiB', `≤ ${BUDGET_KIB.firstSearch} KiB gzip`]];
	for (const [i, { path, fetched }] of firstSearches.entries()) {
		const index = total(fetched);
		const both = { requests: ui.requests + index.requests, raw: ui.raw + index.raw, gzip: ui.gzip + index.gzip };
		// The first row keeps its historical label; rows of other languages name their page.
		const on = i === 0 ? '' : ` (on ${path})`;
		search.push(['Pagefind files fetched by the first query' + on, String(index.requests), kilobytes(index.raw), kilobytes(index.gzip), verdict(index.gzip, BUDGET_KIB.firstSearch)]);
		if (i === 0) search.push(['Search UI bundle (fetched at idle on every page)', String(ui.requests), kilobytes(ui.raw), kilobytes(ui.gzip), '']);
		search.push(['Both' + on, String(both.requests), kilobytes(both.raw), kilobytes(both.gzip), verdict(both.gzip, BUDGET_KIB.firstSearch)]);
	}
	const firstSearch = firstSearches.flatMap((s) => s.fetched);

	const js = [['JavaScript run per page', 'script KiB', 'executed KiB', 'executed %', 'of it search UI KiB']];
	for (const f of figures) {
		const { total: all, used, searchUi } = f.scripts;
		js.push([f.path, kilobytes(all), kilobytes(used), all ? `${Math.round((used / all) * 100)}%` : '0%', kilobytes(searchUi)]);
	}

	const largest = [...firstSearch, ...figures.flatMap((f) => f.page)]
		.filter((t, i, all) => all.findIndex((o) => o.url === t.url) === i)
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, 8);
	const heavy = [['Largest files (deduplicated)', 'raw KiB', 'gzip KiB']];
	for (const t of largest) heavy.push([t.url, kilobytes(t.raw), kilobytes(t.gzip)]);

	return [formatTable(visit), formatTable(search), formatTable(js), formatTable(heavy)].join('\n\n');
}
