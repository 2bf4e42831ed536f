import { readFile } from 'node:fs/promises';
import { CasebookError } from '../errors.ts';
import { isMapping } from '../assert/values.ts';
import { parseLocatedYaml } from '../yaml/located.ts';

/**
 * The values a release is rendered with, kept with where each came from: rules ask "did the user
 * set this key", and the answer points at the file and line (or the `--set`) that set it.
 */

export type SetValue = string | number | boolean;

/** One source of values, in the order helm applies them: `-f` files, then `--set`. */
export type ValuesSource =
	| {
			kind: 'file';
			/** As given on the command line (or the snippet's file name in verify). */
			file: string;
			content: string;
			data: Record<string, unknown>;
			lineOf(path: ReadonlyArray<PropertyKey>): number;
	  }
	| { kind: 'set'; key: string; value: SetValue; data: Record<string, unknown> };

/** Reads and parses one values file; a missing, unreadable or invalid file is an error naming it (and the line). */
export async function readValuesFile(path: string, shownAs = path): Promise<Extract<ValuesSource, { kind: 'file' }>> {
	let content: string;
	try {
		content = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CasebookError(`cannot read values file: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
			file: shownAs,
			expected: 'a readable YAML file of chart values',
		});
	}
	return parseValuesText(content, shownAs);
}

export function parseValuesText(content: string, file: string): Extract<ValuesSource, { kind: 'file' }> {
	const located = parseLocatedYaml(content, { file, what: 'in the values file' });
	const data = located.data ?? {};
	if (!isMapping(data)) {
		throw new CasebookError('a values file must be a mapping of keys to values', {
			file,
			line: located.lineOf([]),
			expected: 'a YAML mapping, e.g. "server:\\n  replicaCount: 2"',
			found: Array.isArray(data) ? 'a sequence' : JSON.stringify(data),
		});
	}
	return { kind: 'file', file, content, data, lineOf: located.lineOf };
}

/**
 * `--set` arguments as helm reads them: `a.b=1,c=true` is two settings, `\,` and `\.` escape,
 * `true`/`false` are booleans and integers are numbers; everything else stays a string.
 */
export function parseSetArguments(args: readonly string[]): Array<{ key: string; value: SetValue }> {
	return args.flatMap((arg) =>
		splitUnescaped(arg, ',').map((pair) => {
			const equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new CasebookError(`--set ${arg}: expected key=value`, { file: '--set', expected: 'key=value, e.g. server.replicaCount=2', found: pair });
			}
			const key = pair.slice(0, equals);
			const text = pair.slice(equals + 1).replace(/\\([\\,])/g, '$1');
			return { key, value: typedSetValue(text) };
		}),
	);
}

function typedSetValue(text: string): SetValue {
	if (text === 'true') return true;
	if (text === 'false') return false;
	if (/^-?(0|[1-9]\d{0,14})$/.test(text)) return Number(text);
	return text;
}

function splitUnescaped(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const character = text[i]!;
		if (character === '\\' && i + 1 < text.length) {
			current += character + text[i + 1];
			i++;
		} else if (character === separator) {
			parts.push(current);
			current = '';
		} else current += character;
	}
	parts.push(current);
	return parts;
}

/** `a.b[1].c` as keys and indexes; `\.` keeps a dot inside a key. */
export function setKeyPath(key: string): PropertyKey[] {
	return splitUnescaped(key, '.').flatMap((segment) => {
		const [, name, indexes] = /^(.*?)((?:\[\d+\])*)$/.exec(segment)!;
		const keys: PropertyKey[] = [name!.replace(/\\\./g, '.')];
		for (const [, index] of indexes!.matchAll(/\[(\d+)\]/g)) keys.push(Number(index));
		return keys;
	});
}

/** One `--set` as a values source: the nested mapping it stands for. */
export function setSource(key: string, value: SetValue): Extract<ValuesSource, { kind: 'set' }> {
	const path = setKeyPath(key);
	const data: Record<string, unknown> = {};
	let cursor: Record<PropertyKey, unknown> = data;
	path.forEach((step, i) => {
		if (i === path.length - 1) {
			cursor[step] = value;
			return;
		}
		const next = typeof path[i + 1] === 'number' ? [] : {};
		cursor[step] = next;
		cursor = next as Record<PropertyKey, unknown>;
	});
	return { kind: 'set', key, value, data };
}

/**
 * The user's values merged as helm coalesces them: a later mapping merges into an earlier one key
 * by key, anything else replaces, and `null` removes the key. Chart defaults are not included:
 * a rule about values asks what the user set.
 */
export function mergeValues(sources: readonly ValuesSource[]): Record<string, unknown> {
	return sources.reduce<Record<string, unknown>>((merged, source) => mergeInto(merged, source.data), {});
}

function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(over)) {
		if (value === null) delete result[key];
		else if (isMapping(value) && isMapping(result[key])) result[key] = mergeInto(result[key], value);
		else result[key] = value;
	}
	return result;
}
