import type { Browser, BrowserContext, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { loadConfig } from '../../../src/lib/config/load.ts';
import { launchChromium as launch } from '../../../src/lib/tasks/headless.ts';
import { PROJECT_ROOT, type ServedSite } from './site.ts';

/** The configured Chromium (CASEBOOK_BROWSER or casebook.config.json), headless and quiet. */
export function launchChromium(): Promise<Browser> {
	return launch(loadConfig(PROJECT_ROOT).browser);
}

export type Theme = 'light' | 'dark';

export interface ContextOptions {
	/** Starlight's stored theme, set before any page script runs. */
	theme?: Theme;
	/** Grant clipboard access for the site's origin. */
	clipboard?: boolean;
	/** Accept downloads (to read what a download link delivers). */
	downloads?: boolean;
}

/**
 * A fresh context for one site. Anything addressed to another host is aborted here (and recorded
 * by the monitor), so a stray remote asset fails a test quickly instead of waiting on the network.
 */
export async function openContext(browser: Browser, site: ServedSite, options: ContextOptions = {}): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		acceptDownloads: options.downloads ?? false,
		reducedMotion: 'reduce',
	});
	context.setDefaultTimeout(15_000);
	if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
	if (options.theme) {
		// Runs in every frame, about:blank ones included, where localStorage is off limits.
		await context.addInitScript((theme) => {
			if (location.protocol === 'http:' || location.protocol === 'https:') localStorage.setItem('starlight-theme', theme);
		}, options.theme);
	}
	await context.route((url) => !isLocal(url.href, site.origin), (route) => route.abort('blockedbyclient'));
	return context;
}

function isLocal(url: string, origin: string): boolean {
	return url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url);
}

/** What went wrong while pages of one context loaded: the offline and error budget of the site. */
export interface PageProblems {
	/** Requests to any host but the local server. */
	external: string[];
	consoleErrors: string[];
	/** Requests that never completed (network error, aborted, blocked). */
	failed: string[];
	/** Responses with status >= 400. */
	httpErrors: string[];
}

export interface Monitor {
	problems: PageProblems;
	/** Accept a 4xx/5xx for exactly this URL (and the console line the browser logs for it). */
	allowStatus(url: string, status: number): void;
	/** Problems as one readable list; empty when none. */
	report(): string[];
	reset(): void;
}

/** Records every request, response and console message of a context, including its workers. */
export function monitor(context: BrowserContext, origin: string): Monitor {
	const problems: PageProblems = { external: [], consoleErrors: [], failed: [], httpErrors: [] };
	const allowed = new Map<string, number>();
	const onRequest = (request: Request) => {
		if (!isLocal(request.url(), origin)) problems.external.push(`${request.method()} ${request.url()}`);
	};
	const onFailed = (request: Request) => {
		// Navigating away while a lazy asset loads cancels it; that is the walk, not the site.
		const reason = request.failure()?.errorText ?? 'failed';
		if (reason === 'net::ERR_ABORTED' && isLocal(request.url(), origin)) return;
		problems.failed.push(`${request.url()} (${reason})`);
	};
	const onResponse = (response: Response) => {
		if (response.status() < 400) return;
		if (allowed.get(response.url()) === response.status()) return;
		problems.httpErrors.push(`${response.status()} ${response.url()}`);
	};
	const onConsole = (message: ConsoleMessage) => {
		if (message.type() !== 'error') return;
		const location = message.location().url;
		// Chromium logs every 4xx as a console error; the deliberate ones are accepted above.
		if (/^Failed to load resource/.test(message.text()) && allowed.has(location)) return;
		problems.consoleErrors.push(`${message.text()}${location ? ` (${location})` : ''}`);
	};
	const onPage = (page: Page) => {
		page.on('console', onConsole);
		page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message} (${page.url()})`));
	};
	context.on('request', onRequest);
	context.on('requestfailed', onFailed);
	context.on('response', onResponse);
	context.on('page', onPage);
	for (const page of context.pages()) onPage(page);
	return {
		problems,
		allowStatus: (url, status) => void allowed.set(url, status),
		report: () =>
			Object.entries(problems).flatMap(([kind, entries]) => (entries as string[]).map((entry) => `${kind}: ${entry}`)),
		reset: () => {
			for (const list of Object.values(problems)) (list as string[]).length = 0;
		},
	};
}

/** Loads a page and waits until its scripts have run and the network is quiet. */
export async function visit(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	return response;
}

/** Whether an element is (at least partly) inside the visible part of the window. */
export async function inViewport(page: Page, selector: string): Promise<{ inView: boolean; top: number; viewport: number }> {
	return page.evaluate((sel) => {
		const element = document.querySelector(sel);
		if (!element) return { inView: false, top: Number.NaN, viewport: window.innerHeight };
		const rect = element.getBoundingClientRect();
		return { inView: rect.bottom > 0 && rect.top < window.innerHeight, top: rect.top, viewport: window.innerHeight };
	}, selector);
}

/** `#id` as a CSS selector that works for any id. */
export function idSelector(id: string): string {
	return `[id="${id.replace(/["\\]/g, '\\$&')}"]`;
}
