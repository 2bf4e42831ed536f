import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { CasebookError } from '../errors.ts';
import { schemaError } from '../schema-error.ts';
import { parseLocatedYaml } from '../yaml/located.ts';

/**
 * Reads a YAML file and validates it with a zod schema. Problems become CasebookErrors that point
 * at the file and, when the YAML node can be found, at its line.
 */
export interface YamlReadOptions {
	/**
	 * `failsafe` reads every scalar as a string. Right for files written by tools, where an
	 * unquoted digest of only digits must not turn into a number.
	 */
	schema?: 'core' | 'failsafe';
}

export async function readYamlFile<Schema extends z.ZodType>(
	path: string,
	schema: Schema,
	options: YamlReadOptions = {},
): Promise<z.output<Schema>> {
	let source: string;
	try {
		source = await readFile(path, 'utf8');
	} catch (error) {
		throw new CasebookError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
	}
	return parseYaml(source, path, schema, options);
}

export function parseYaml<Schema extends z.ZodType>(
	source: string,
	path: string,
	schema: Schema,
	options: YamlReadOptions = {},
): z.output<Schema> {
	// Chart indexes are machine-written and large: no alias limit, and skip the duplicate-key scan.
	const yaml = parseLocatedYaml(source, { file: path, uniqueKeys: false, schema: options.schema ?? 'core' });
	const result = schema.safeParse(yaml.data);
	if (result.success) return result.data;
	throw schemaError(result.error, { what: 'file', data: yaml.data, locate: (at) => ({ file: path, line: yaml.lineOf(at) }) });
}
