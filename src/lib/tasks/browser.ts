import { existsSync } from 'node:fs';
import { runCaptured } from '../process/run.ts';
import { run } from './commands.ts';

const PACKAGES = ['chromium', 'fonts-noto-cjk'];

/**
 * The browser tests use Debian's Chromium (test tools may not download browsers here). When it is
 * missing and we may install packages (root, apt-get present), install it; otherwise explain.
 */
export async function ensureBrowser(chromium: string, cwd: string): Promise<boolean> {
	if (existsSync(chromium) && (await hasCjkFont())) return true;
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

async function hasCjkFont(): Promise<boolean> {
	try {
		const fonts = await runCaptured('fc-list', [], { maxOutputBytes: 16 * 1024 * 1024 });
		return fonts.exitCode === 0 && /Noto Sans CJK/i.test(fonts.stdout);
	} catch {
		return false;
	}
}
