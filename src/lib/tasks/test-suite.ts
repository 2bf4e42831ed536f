import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runVerifyCli } from '../verify/cli.ts';
import { ensureBrowser } from './browser.ts';
import { run } from './commands.ts';

export const SITE_DIRS = { root: 'dist', kb: 'dist-kb' } as const;

/**
 * The whole suite, as `npm test` and CI run it: verify every case (both helm majors), build the
 * site at `/` and at `/kb/`, then unit, integration and browser tests in one node:test run so the
 * runner prints one summary. Missing Chromium is a failure, never a skip.
 */
export async function runTestSuite(root: string): Promise<number> {
	if (!(await ensureBrowser(root))) return 1;
	for (const dir of Object.values(SITE_DIRS)) rmSync(join(root, dir), { recursive: true, force: true });
	const verified = await runVerifyCli([], root);
	if (verified !== 0) return verified;
	for (const [name, dir] of Object.entries(SITE_DIRS)) {
		const base = name === 'kb' ? '/kb/' : '/';
		const code = run('astro', ['build', '--force', '--outDir', dir], { cwd: root, env: { CASEBOOK_BASE: base } });
		if (code !== 0) return code;
	}
	return run(
		process.execPath,
		['--test', '--test-reporter=spec', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
		{ cwd: root, env: { CASEBOOK_DIST: join(root, SITE_DIRS.root), CASEBOOK_DIST_KB: join(root, SITE_DIRS.kb) } },
	);
}
