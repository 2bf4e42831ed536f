import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with everything that would phone home switched off: the browser
 * tests assert that the site makes no request beyond its own server, so the browser must not add
 * any of its own. Shared by the browser tests and `npm run budget`.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
] as const;

/** `executablePath` is the configured browser (loadConfig's `browser`). */
export function launchChromium(executablePath: string): Promise<Browser> {
	return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
