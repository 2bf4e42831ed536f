import { loadConfig } from '../config/load.ts';
import { runVerifyCli } from '../verify/cli.ts';
import { ensureBrowser } from './browser.ts';
import { run } from './commands.ts';
import { buildSite } from './site-build.ts';

export const SITE_DIRS = { root: 'dist', kb: 'dist-kb' } as const;

export const UNIT_TESTS = 'test/unit/**/*.test.ts';
const ALL_TESTS = [UNIT_TESTS, 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'];

/**
 * The whole suite, as `npm test` and CI run it: type-check, verify every case (both helm majors),
 * build the site at `/` and at `/kb/`, then unit, integration and browser tests in one node:test
 * run so the runner prints one summary. Missing Chromium is a failure, never a skip.
 */
const TEST_FILES_AT_ONCE = 2;

export async function runTestSuite(root: string): Promise<number> {
	const config = loadConfig(root);
	if (!(await ensureBrowser(config.browser, root))) return 1;
	const typecheck = typeCheck(root);
	if (typecheck !== 0) return typecheck;
	const verified = await runVerifyCli([], root);
	if (verified !== 0) return verified;
	for (const [name, dir] of Object.entries(SITE_DIRS)) {
		const code = await buildSite({ root, outDir: dir, env: { CASEBOOK_BASE: name === 'kb' ? '/kb/' : '/' } });
		if (code !== 0) return code;
	}
	// Two test files at a time: most of the time goes to browser tests that wait on Chromium, and
	// node's default on a 2-core machine is one at a time.
	return run(process.execPath, ['--test', '--test-reporter=spec', `--test-concurrency=${TEST_FILES_AT_ONCE}`, ...ALL_TESTS], {
		cwd: root,
		env: { CASEBOOK_DIST: `${root}/${SITE_DIRS.root}`, CASEBOOK_DIST_KB: `${root}/${SITE_DIRS.kb}` },
	});
}

/** `astro sync` writes the content collection types that `tsc` needs; then the whole project is checked. */
export function typeCheck(root: string): number {
	const synced = run('astro', ['sync'], { cwd: root });
	return synced !== 0 ? synced : run('tsc', ['--noEmit'], { cwd: root });
}
