import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../src/lib/config/load.ts';
import type { ResolvedConfig } from '../../src/lib/config/schema.ts';
import type { Progress } from '../../src/lib/verify/progress.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const silentProgress: Progress = { start() {}, tick() {}, finish() {} };

/**
 * A throw-away project: its own content folder, report and render cache, but the real chart
 * mirror and the project's helm cache (so the pinned binaries are downloaded once per machine).
 */
export async function scratchProject(articles: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
	const root = await mkdtemp(join(tmpdir(), 'casebook-project-'));
	for (const [name, text] of Object.entries(articles)) {
		const path = join(root, 'content/docs', name);
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, text);
	}
	const config: ResolvedConfig = loadConfig(root, {
		CASEBOOK_CHARTS: resolve(projectRoot, '../shared/charts'),
		CASEBOOK_OFFLINE: '1',
		...env,
	});
	return {
		root,
		config,
		renderCacheDir: join(root, '.render-cache'),
		async dispose() {
			await rm(root, { recursive: true, force: true });
		},
	};
}

export async function fixture(name: string): Promise<string> {
	return readFile(join(projectRoot, 'test/fixtures/articles', name), 'utf8');
}

export async function copyArticle(relativePath: string): Promise<string> {
	return readFile(join(projectRoot, relativePath), 'utf8');
}

export { cp };
