import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SchemaSet } from './schema-set.ts';

/** The code a cached validation depends on, besides the schema set (report.ts only reads results). */
const SOURCES = ['./finding.ts', './manifest.ts', './origin.ts', './schema-set.ts', './validate-object.ts', '../render/documents.ts'];

const require = createRequire(import.meta.url);

/**
 * A digest of the validation code, the YAML reader and the schema set: cached validations are
 * keyed by it, so a new schema package or a change to a rule validates every render again.
 */
export async function validatorVersion(schemas: SchemaSet): Promise<string> {
	const hash = createHash('sha256').update(schemas.id);
	for (const source of SOURCES) {
		const url = new URL(source, import.meta.url);
		hash.update(source).update(await readFile(url));
	}
	hash.update(`yaml@${(require('yaml/package.json') as { version: string }).version}`);
	return hash.digest('hex').slice(0, 16);
}
