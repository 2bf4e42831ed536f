import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where an article's parts live. The prose and what a reader sees about the case are in the MDX
 * file; what the verifier runs (render settings, matrix, checks) is in `<name>.checks.yaml` beside
 * it, so an author edits prose without scrolling past hundreds of lines of assertions.
 */

export const CHECKS_SUFFIX = '.checks.yaml';

/** `tempo/ingester.mdx` -> `tempo/ingester.checks.yaml`. */
export function checksFileOf(articlePath: string): string {
	return articlePath.replace(/\.mdx?$/, CHECKS_SUFFIX);
}

/** Every .md/.mdx file under the content folder (none in `_` folders), sorted so output is stable. */
export async function findArticleFiles(contentDir: string): Promise<string[]> {
	const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((path) => !path.slice(contentDir.length).split(/[\\/]/).some((part) => part.startsWith('_')))
		.sort();
}

/** Checks files with no article beside them: their checks would silently never run. */
export async function findOrphanChecksFiles(contentDir: string): Promise<string[]> {
	const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith(CHECKS_SUFFIX))
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((path) => {
			const stem = path.slice(0, -CHECKS_SUFFIX.length);
			return !existsSync(`${stem}.mdx`) && !existsSync(`${stem}.md`);
		})
		.sort();
}

/**
 * One hash over everything an article's page and checks are made from. The report records it and
 * the site compares it, so a page is never built from a report of an older text.
 */
export function articleSourceHash(articleSource: string, checksSource: string | undefined): string {
	const hash = createHash('sha256').update(articleSource);
	if (checksSource !== undefined) hash.update('\0').update(checksSource);
	return hash.digest('hex');
}

/** The same hash, read from disk (the site's side of the comparison). */
export function articleSourceHashOfFile(articlePath: string): string {
	const checks = checksFileOf(articlePath);
	return articleSourceHash(readFileSync(articlePath, 'utf8'), existsSync(checks) ? readFileSync(checks, 'utf8') : undefined);
}
