import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The code whose behaviour a cached evaluation depends on. */
const SOURCES = ['../assert/', '../helm/breakdown.ts', '../render/documents.ts', './evaluate.ts', '../check/evaluate-rules.ts', '../check/values.ts', '../check/verify-rules.ts'];
/** Libraries the evaluation code parses and queries with: a new version may read a render differently. */
const LIBRARIES = ['yaml', 'jsonpath-plus'];

const require = createRequire(import.meta.url);

function installedVersion(library: string): string {
	return (require(`${library}/package.json`) as { version: string }).version;
}

let memo: Promise<string> | undefined;

/**
 * A digest of the evaluation code. Cached outcomes are keyed by it, so changing an assertion's
 * semantics re-evaluates every render instead of trusting results computed by the old code.
 */
export function evaluatorVersion(): Promise<string> {
	memo ??= (async () => {
		const hash = createHash('sha256');
		for (const source of SOURCES) {
			const url = new URL(source, import.meta.url);
			const names = source.endsWith('/') ? (await readdir(url)).filter((name) => name.endsWith('.ts')).sort() : [''];
			for (const name of names) hash.update(source + name).update(await readFile(new URL(name, url)));
		}
		for (const library of LIBRARIES) hash.update(`${library}@${installedVersion(library)}`);
		return hash.digest('hex').slice(0, 16);
	})();
	return memo;
}
