import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

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

/**
 * Every .md/.mdx file under the content folder, as paths relative to it with `/` separators, none
 * in or named with a leading `_` (as Starlight's loader skips them), sorted so output is stable.
 * Synchronous: astro.config.mjs builds the sidebar from it.
 */
export function listArticleFiles(contentDir: string): string[] {
	return (readdirSync(contentDir, { recursive: true }) as string[])
		.map((file) => file.split(sep).join('/'))
		.filter((file) => /\.mdx?$/.test(file) && !file.split('/').some((part) => part.startsWith('_')))
		.sort();
}

/** Checks files (absolute paths) with no article beside them: their checks would silently never run. */
export function findOrphanChecksFiles(contentDir: string): string[] {
	return (readdirSync(contentDir, { recursive: true }) as string[])
		.filter((file) => file.endsWith(CHECKS_SUFFIX))
		.map((file) => join(contentDir, file))
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
