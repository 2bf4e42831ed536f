import { JSONPath } from 'jsonpath-plus';
import { CasebookError } from '../errors.ts';
import { parseLenientYaml } from '../render/documents.ts';
import { describeType, isMapping } from './values.ts';

/**
 * Paths into a rendered document.
 *
 * A path is a JSONPath whose leading `$.` may be left out, optionally followed by pipe steps that
 * decode an embedded document and continue inside it:
 *
 *     data["tempo.yaml"] | fromYaml | memberlist.cluster_label
 *     data.config | b64dec | fromYaml | server.http_listen_port
 *
 * A path is *definite* when every step names one key or one non-negative index (`.a`, `['a.b']`,
 * `["a/b"]`, `[0]`): it selects one value or nothing. Any other step (`*`, `..`, filters
 * `[?(...)]`, unions `[a,b]`, slices `[0:2]`, script and jsonpath-plus extensions) makes the
 * path *indefinite*: it selects every match, possibly none. Definite steps are walked here (own
 * properties only, so `length` of an array is not a key); indefinite ones go to jsonpath-plus.
 */

export class PathError extends CasebookError {
	constructor(message: string) {
		super(message);
		this.name = 'PathError';
	}
}

export const DECODERS = ['fromYaml', 'fromJson', 'b64dec'] as const;
export type Decoder = (typeof DECODERS)[number];

type Step = { type: 'key'; key: string } | { type: 'index'; index: number } | { type: 'other'; text: string };

type Stage =
	| { type: 'query'; text: string; steps: Step[]; definite: boolean; jsonPath: string }
	| { type: 'decode'; decoder: Decoder };

export interface CompiledPath {
	/** The path as written. */
	text: string;
	stages: Stage[];
	definite: boolean;
}

export interface PathMatch {
	value: unknown;
	/** Where the value was found, e.g. `spec.template.spec.containers[0].args`. */
	location: string;
}

export type PathResult =
	| { definite: true; found: true; value: unknown; location: string }
	/** `reason` says where the walk stopped, e.g. `spec has no key "replicas"`. */
	| { definite: true; found: false; reason: string }
	/** Every match in document order; the same value can appear once per match. */
	| { definite: false; matches: PathMatch[] };

const compiled = new Map<string, CompiledPath>();

/** Parses a path once (results are cached). Throws PathError for a malformed path. */
export function parsePath(path: string): CompiledPath {
	const cached = compiled.get(path);
	if (cached) return cached;
	const stages: Stage[] = [];
	const segments = splitPipes(path);
	segments.forEach((segment, i) => {
		if (segment === '') throw new PathError(`path ${quote(path)} has an empty step between "|"`);
		if (i > 0 && isDecoder(segment)) {
			stages.push({ type: 'decode', decoder: segment });
			return;
		}
		if (i > 0 && stages.at(-1)?.type === 'query') {
			throw new PathError(
				`path ${quote(path)}: expected a decoder (${DECODERS.join(', ')}) after "|", found ${quote(segment)}`,
			);
		}
		const steps = parseSteps(segment, path);
		stages.push({
			type: 'query',
			text: segment,
			steps,
			definite: steps.every((step) => step.type !== 'other'),
			jsonPath: toJsonPath(segment),
		});
	});
	const result = {
		text: path,
		stages,
		definite: stages.every((stage) => stage.type === 'decode' || stage.definite),
	};
	compiled.set(path, result);
	return result;
}

export function isDefinitePath(path: string): boolean {
	return parsePath(path).definite;
}

/**
 * Reads `path` in `object`. Throws PathError for a malformed path, a decoder applied to something
 * that is not a string, or an embedded document that does not decode.
 */
export function queryPath(object: unknown, path: string | CompiledPath): PathResult {
	const compiledPath = typeof path === 'string' ? parsePath(path) : path;
	let cursors: Cursor[] = [{ value: object, location: root }];
	let reason: string | undefined;
	for (const stage of compiledPath.stages) {
		if (stage.type === 'decode') {
			cursors = cursors.map((cursor) => ({
				value: decode(stage.decoder, cursor),
				location: { prefix: `${showLocation(cursor.location)} | ${stage.decoder} | `, tail: '' },
			}));
			continue;
		}
		if (stage.definite) {
			const next: Cursor[] = [];
			for (const cursor of cursors) {
				const walked = walk(cursor, stage.steps);
				if ('reason' in walked) reason = walked.reason;
				else next.push(walked);
			}
			cursors = next;
		} else {
			cursors = cursors.flatMap((cursor) => search(cursor, stage.jsonPath, compiledPath.text));
		}
	}
	if (!compiledPath.definite) {
		return {
			definite: false,
			matches: cursors.map((cursor) => ({ value: cursor.value, location: showLocation(cursor.location) })),
		};
	}
	const [only] = cursors;
	if (!only) return { definite: true, found: false, reason: reason ?? 'nothing found' };
	return { definite: true, found: true, value: only.value, location: showLocation(only.location) };
}

/** The matches of a result as a list: zero or one for a definite path. */
export function matchesOf(result: PathResult): PathMatch[] {
	if (!result.definite) return result.matches;
	return result.found ? [{ value: result.value, location: result.location }] : [];
}

// --- Parsing ---------------------------------------------------------------------------------

function isDecoder(segment: string): segment is Decoder {
	return (DECODERS as readonly string[]).includes(segment);
}

/** Splits on `|` outside quotes, brackets and parentheses; `||` inside a filter is left alone. */
function splitPipes(path: string): string[] {
	const segments: string[] = [];
	let depth = 0;
	let quoteChar: string | undefined;
	let start = 0;
	for (let i = 0; i < path.length; i++) {
		const c = path[i]!;
		if (quoteChar) {
			if (c === '\\') i++;
			else if (c === quoteChar) quoteChar = undefined;
			continue;
		}
		if (c === "'" || c === '"') quoteChar = c;
		else if (c === '[' || c === '(') depth++;
		else if (c === ']' || c === ')') depth--;
		else if (c === '|' && depth === 0) {
			if (path[i + 1] === '|') {
				i++;
				continue;
			}
			segments.push(path.slice(start, i).trim());
			start = i + 1;
		}
	}
	if (quoteChar) throw new PathError(`path ${quote(path)} has an unterminated ${quoteChar} quote`);
	segments.push(path.slice(start).trim());
	return segments;
}

function parseSteps(text: string, whole: string): Step[] {
	const steps: Step[] = [];
	let i = 0;
	if (text.startsWith('$')) i = 1;
	else if (text[0] !== '.' && text[0] !== '[') i = readName(text, 0, steps, whole);
	while (i < text.length) {
		if (text.startsWith('..', i)) {
			steps.push({ type: 'other', text: '..' });
			i += 2;
			if (i === text.length) throw new PathError(`path ${quote(whole)} ends with "..", which needs a key after it`);
			if (text[i] !== '[') i = readName(text, i, steps, whole);
		} else if (text[i] === '.') {
			i = readName(text, i + 1, steps, whole);
		} else if (text[i] === '[') {
			const end = closingBracket(text, i, whole);
			steps.push(bracketStep(text.slice(i + 1, end), whole));
			i = end + 1;
		} else {
			throw new PathError(`path ${quote(whole)}: unexpected ${quote(text[i]!)} at ${quote(text.slice(i))}`);
		}
	}
	return steps;
}

/** Reads a dotted name starting at `i`; returns the index after it. */
function readName(text: string, i: number, steps: Step[], whole: string): number {
	let end = i;
	while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
	const name = text.slice(i, end);
	if (name === '') throw new PathError(`path ${quote(whole)} has an empty key (two dots, or a dot at the end)`);
	// `*`, and jsonpath-plus extensions such as `~` (key names), `^` (parent) or `@string()`.
	if (name === '*' || /[~^@`()]/.test(name)) steps.push({ type: 'other', text: name });
	else steps.push({ type: 'key', key: name });
	return end;
}

/** Index of the `]` that closes the `[` at `open`, skipping quoted text and nested brackets. */
function closingBracket(text: string, open: number, whole: string): number {
	let depth = 0;
	let quoteChar: string | undefined;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (quoteChar) {
			if (c === '\\') i++;
			else if (c === quoteChar) quoteChar = undefined;
			continue;
		}
		if (c === "'" || c === '"') quoteChar = c;
		else if (c === '[' || c === '(') depth++;
		else if (c === ']' || c === ')') {
			depth--;
			if (depth === 0 && c === ']') return i;
		}
	}
	throw new PathError(`path ${quote(whole)} has a "[" without its "]"`);
}

function bracketStep(inner: string, whole: string): Step {
	const text = inner.trim();
	const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(text) ?? /^"((?:[^"\\]|\\.)*)"$/.exec(text);
	if (quoted) return { type: 'key', key: quoted[1]!.replace(/\\(.)/g, '$1') };
	if (/^\d+$/.test(text)) return { type: 'index', index: Number(text) };
	if (/^-\d+$/.test(text)) {
		throw new PathError(`path ${quote(whole)}: negative index [${text}] is not supported; use a slice such as [${text}:]`);
	}
	if (text === '') throw new PathError(`path ${quote(whole)} has empty brackets []`);
	return { type: 'other', text: `[${inner}]` };
}

/** The segment as jsonpath-plus expects it: rooted at `$`. */
function toJsonPath(segment: string): string {
	if (segment.startsWith('$')) return segment;
	if (segment.startsWith('[') || segment.startsWith('..')) return `$${segment}`;
	if (segment.startsWith('.')) return `$${segment}`;
	return `$.${segment}`;
}

// --- Evaluation ------------------------------------------------------------------------------

/**
 * Where a cursor is: `prefix` holds the pipes already passed (`data["x"] | fromYaml | `) and
 * `tail` the JSONPath inside the current (decoded) value.
 */
interface Location {
	prefix: string;
	tail: string;
}

interface Cursor {
	value: unknown;
	location: Location;
}

const root: Location = { prefix: '', tail: '' };

function showLocation(location: Location): string {
	if (location.tail !== '') return location.prefix + location.tail;
	if (location.prefix !== '') return location.prefix.slice(0, -' | '.length);
	return '$';
}

/** How a location is named in "… has no key" messages. */
function describeLocation(location: Location): string {
	return location.prefix === '' && location.tail === '' ? 'the document' : showLocation(location);
}

function withKey(location: Location, key: string): Location {
	const part = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)
		? location.tail === ''
			? key
			: `.${key}`
		: `[${quote(key)}]`;
	return { prefix: location.prefix, tail: location.tail + part };
}

function withIndex(location: Location, index: number): Location {
	return { prefix: location.prefix, tail: `${location.tail}[${index}]` };
}

function walk(cursor: Cursor, steps: readonly Step[]): Cursor | { reason: string } {
	let { value, location } = cursor;
	for (const step of steps) {
		if (step.type === 'other') throw new Error('walk() is only for definite steps');
		const key = step.type === 'key' ? step.key : String(step.index);
		if (Array.isArray(value) && /^\d+$/.test(key)) {
			const index = Number(key);
			if (index >= value.length) {
				const items = value.length === 1 ? '1 item' : `${value.length} items`;
				return { reason: `${describeLocation(location)} has ${items}, so there is no index ${index}` };
			}
			value = value[index];
			location = withIndex(location, index);
		} else if (isMapping(value)) {
			if (!Object.hasOwn(value, key)) return { reason: `${describeLocation(location)} has no key ${quote(key)}` };
			value = value[key];
			location = withKey(location, key);
		} else {
			const wanted = step.type === 'index' ? `index ${key}` : `key ${quote(key)}`;
			return { reason: `${describeLocation(location)} is ${describeType(value)}, so it has no ${wanted}` };
		}
	}
	return { value, location };
}

function search(cursor: Cursor, jsonPath: string, whole: string): Cursor[] {
	if (typeof cursor.value !== 'object' || cursor.value === null) return [];
	let results: { value: unknown; pointer: string }[];
	try {
		results = JSONPath({ path: jsonPath, json: cursor.value, resultType: 'all', wrap: true, eval: 'safe' });
	} catch (error) {
		throw new PathError(`path ${quote(whole)} could not be evaluated: ${error instanceof Error ? error.message : error}`);
	}
	return results.map((result) => ({ value: result.value, location: locate(cursor, result.pointer) }));
}

/** Turns a JSON pointer from jsonpath-plus into a readable location below the cursor. */
function locate(cursor: Cursor, pointer: string): Location {
	let value = cursor.value;
	let location = cursor.location;
	if (pointer === '') return location;
	for (const raw of pointer.split('/').slice(1)) {
		const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (Array.isArray(value) && /^\d+$/.test(key)) {
			location = withIndex(location, Number(key));
			value = value[Number(key)];
		} else {
			location = withKey(location, key);
			value = isMapping(value) ? value[key] : undefined;
		}
	}
	return location;
}

function decode(decoder: Decoder, cursor: Cursor): unknown {
	const where = showLocation(cursor.location);
	if (typeof cursor.value !== 'string') {
		throw new PathError(`${decoder} needs a string, but ${where} is ${describeType(cursor.value)}`);
	}
	const text = cursor.value;
	switch (decoder) {
		case 'fromYaml': {
			const parsed = parseLenientYaml(text);
			if (!parsed.ok) throw new PathError(`fromYaml: ${where} is not valid YAML: ${parsed.error}`);
			return parsed.value;
		}
		case 'fromJson':
			try {
				return JSON.parse(text) as unknown;
			} catch (error) {
				throw new PathError(`fromJson: ${where} is not valid JSON: ${error instanceof Error ? error.message : error}`);
			}
		case 'b64dec': {
			if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
				throw new PathError(`b64dec: ${where} is not valid base64`);
			}
			try {
				return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
			} catch {
				throw new PathError(`b64dec: ${where} decodes to bytes that are not UTF-8 text`);
			}
		}
	}
}

function quote(text: string): string {
	return JSON.stringify(text);
}
