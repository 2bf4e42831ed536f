import { readFile } from 'node:fs/promises';
import { isCollection, isNode, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { CasebookError } from '../errors.ts';

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
	const lineCounter = new LineCounter();
	// Chart indexes are machine-written and large: no alias limit, and skip the duplicate-key scan.
	const document = parseDocument(source, { lineCounter, uniqueKeys: false, schema: options.schema ?? 'core' });
	const syntaxError = document.errors[0];
	if (syntaxError) {
		const position = syntaxError.linePos?.[0];
		throw new CasebookError(`invalid YAML: ${syntaxError.message.split('\n')[0]}`, {
			file: path,
			line: position?.line,
			column: position?.col,
		});
	}
	const result = schema.safeParse(document.toJS({ maxAliasCount: -1 }));
	if (result.success) return result.data;

	const issue = result.error.issues[0]!;
	const issuePath = issue.path.map(String);
	const node = nodeAt(document.contents, issuePath);
	const position = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
	throw new CasebookError(`${issuePath.length ? `${issuePath.join('.')}: ` : ''}${issue.message}`, {
		file: path,
		line: position?.line,
		column: position?.col,
	});
}

/** The deepest node on `path` that exists, so a missing key points at its parent. */
function nodeAt(root: unknown, path: string[]): Node | undefined {
	let node = isNode(root) ? root : undefined;
	for (const key of path) {
		if (!isCollection(node)) break;
		const child: unknown = node.get(isSeq(node) ? Number(key) : key, true);
		if (!isNode(child)) break;
		node = child;
	}
	return node;
}
