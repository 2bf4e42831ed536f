import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SchemaSet } from './schema-set.ts';

/** The code a cached validation depends on, besides the schema set. */
const SOURCES = ['./', '../render/documents.ts'];

const require = createRequire(import.meta.url);

/**
 * A digest of the validation code, the YAML reader and the schema set: cached validations are
 * keyed by it, so a new schema package or a change to a rule validates every render again.
 */
export async function validatorVersion(schemas: SchemaSet): Promise<string> {
	const hash = createHash('sha256').update(schemas.id);
	for (const source of SOURCES) {
		const url = new URL(source, import.meta.url);
		const names = source.endsWith('/') ? (await readdir(url)).filter((name) => name.endsWith('.ts')).sort() : [''];
		for (const name of names) hash.update(source + name).update(await readFile(new URL(name, url)));
	}
	hash.update(`yaml@${(require('yaml/package.json') as { version: string }).version}`);
	return hash.digest('hex').slice(0, 16);
}
