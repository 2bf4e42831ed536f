import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { run } from './commands.ts';

const PACKAGES = ['chromium', 'fonts-noto-cjk'];

/**
 * The browser tests use Debian's Chromium (test tools may not download browsers here). When it is
 * missing and we may install packages (root, apt-get present), install it; otherwise explain.
 */
export function ensureBrowser(chromium: string, cwd: string): boolean {
	if (existsSync(chromium) && hasCjkFont()) return true;
	const root = process.getuid?.() === 0;
	if (!root || !existsSync('/usr/bin/apt-get')) {
		console.error(`Chromium is missing at ${chromium}. Install it with: sudo apt-get install -y ${PACKAGES.join(' ')}`);
		return false;
	}
	console.log(`Installing ${PACKAGES.join(' ')} from Debian's packages for the browser tests...`);
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	if (run('apt-get', ['update', '-qq'], { cwd, env }) !== 0) return false;
	if (run('apt-get', ['install', '-y', '-qq', ...PACKAGES], { cwd, env }) !== 0) return false;
	return existsSync(chromium);
}

function hasCjkFont(): boolean {
	try {
		return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
	} catch {
		return false;
	}
}
