import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { run } from './commands.ts';

/**
 * `astro build` into a folder beside `outDir`, swapped in only when the build succeeded: a site
 * that is being served keeps its last good build through a failed one, and never shows a half-
 * written one.
 */
export async function buildSite(options: { root: string; outDir: string; env?: NodeJS.ProcessEnv }): Promise<number> {
	const outDir = resolve(options.root, options.outDir);
	const next = `${outDir}.next`;
	const previous = `${outDir}.previous`;
	await rm(next, { recursive: true, force: true });
	const code = run('astro', ['build', '--force', '--outDir', next], { cwd: options.root, env: options.env });
	if (code !== 0) {
		await rm(next, { recursive: true, force: true });
		return code;
	}
	await rm(previous, { recursive: true, force: true });
	if (existsSync(outDir)) await rename(outDir, previous);
	await rename(next, outDir);
	await rm(previous, { recursive: true, force: true });
	return 0;
}
