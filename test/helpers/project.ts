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

export interface CaseEdit {
	mdx?: (text: string) => string;
	checks?: (text: string) => string;
}

/**
 * A case's two files (the article and its checks file) as scratchProject takes them, placed at
 * `at` (an .mdx path under content/docs), each optionally edited.
 */
export async function caseFiles(mdxPath: string, at: string, edit: CaseEdit = {}): Promise<Record<string, string>> {
	const mdx = await readFile(mdxPath, 'utf8');
	const checks = await readFile(mdxPath.replace(/\.mdx$/, '.checks.yaml'), 'utf8');
	return {
		[at]: edit.mdx ? edit.mdx(mdx) : mdx,
		[at.replace(/\.mdx$/, '.checks.yaml')]: edit.checks ? edit.checks(checks) : checks,
	};
}

/** The valid fixture case (test/fixtures/articles/valid.*), placed at `at`. */
export function validCase(edit: CaseEdit = {}, at = 'valid.mdx'): Promise<Record<string, string>> {
	return caseFiles(join(projectRoot, 'test/fixtures/articles/valid.mdx'), at, edit);
}

/** A published case (its .mdx path relative to the project root), placed where it lives under content/docs. */
export function publishedCase(relativePath: string, edit: CaseEdit = {}): Promise<Record<string, string>> {
	return caseFiles(join(projectRoot, relativePath), relativePath.replace(/^content\/docs\//, ''), edit);
}

/** A string edit that fails loudly when the text to replace is not there (the fixture moved on). */
export function replaceOnce(from: string, to: string): (text: string) => string {
	return (text) => {
		if (!text.includes(from)) throw new Error(`fixture text not found: ${JSON.stringify(from)}`);
		return text.replace(from, to);
	};
}

export { cp };
