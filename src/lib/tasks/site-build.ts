import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { run } from './commands.ts';

export interface SiteBuildOptions {
	root: string;
	/** Where the site goes, relative to root: `dist`. */
	outDir: string;
	env?: NodeJS.ProcessEnv;
	/** Builds into the given folder, returns an exit code; by default `astro build`. */
	build?: (outDir: string) => number | Promise<number>;
}

/**
 * Builds into a folder beside `outDir` and swaps it in only when the build succeeded: a site that
 * is being served keeps its last good build through a failed one, and never shows a half-written one.
 */
export async function buildSite(options: SiteBuildOptions): Promise<number> {
	const outDir = resolve(options.root, options.outDir);
	const next = `${outDir}.next`;
	const previous = `${outDir}.previous`;
	const build = options.build ?? ((dir: string) => run('astro', ['build', '--force', '--outDir', dir], { cwd: options.root, env: options.env }));
	await rm(next, { recursive: true, force: true });
	const code = await build(next);
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
