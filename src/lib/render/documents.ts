import { parseDocument } from 'yaml';
import type { RenderedDocument } from './types.ts';

/**
 * A document of a `helm template` output as parseManifest returns it. It is a RenderedDocument
 * (so an array of them fits RenderedManifest.documents as is) that may carry a parse error.
 */
export interface ParsedDocument extends RenderedDocument {
	/**
	 * Set when the text is not YAML the `yaml` package accepts, or is not a mapping. `object` is
	 * then `{}` and kind, name and namespace were read from the text with regular expressions, so
	 * that the document can still be selected and the error reported against it.
	 */
	parseError?: string;
}

/**
 * Options for YAML written by Go templates and read by Go programs. Duplicate keys keep the last
 * value (as go-yaml v2 and Kubernetes do) and `<<` merge keys are resolved (go-yaml supports
 * them); everything else is YAML 1.2 core, the same schema expectations are written in, so that
 * `on`, `0755` or `2024-04-01` compare equal on both sides.
 */
const lenientOptions = {
	uniqueKeys: false,
	merge: true,
	strict: false,
	prettyErrors: true,
	logLevel: 'error',
} as const;

export type LenientYaml = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses one YAML document leniently (see lenientOptions). An empty text gives `null`. */
export function parseLenientYaml(text: string): LenientYaml {
	const document = parseDocument(text, lenientOptions);
	if (document.errors.length > 0) return { ok: false, error: describeErrors(document.errors) };
	try {
		return { ok: true, value: document.toJS({ maxAliasCount: 1000 }) };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

/**
 * Splits `helm template` output into its documents. Documents that hold nothing but comments or
 * `null` are dropped; the others keep their original text. A document that fails to parse is kept
 * with `parseError` set instead of failing the whole render: one odd template should not hide
 * the rest of the chart from the assertions.
 *
 * Parsing is lazy where it can be: an assertion usually looks at one or two of a chart's forty
 * documents, so a document whose kind and name can be read from its head is only parsed when
 * something reads `object`. This makes evaluating a render several times cheaper than parsing it.
 */
export function parseManifest(stdout: string): ParsedDocument[] {
	const documents: ParsedDocument[] = [];
	for (const text of splitDocuments(stdout)) {
		const document = lazyDocument(text) ?? parseOne(text);
		if (document) documents.push(document);
	}
	return documents;
}

function lazyDocument(text: string): ParsedDocument | undefined {
	// Duplicate top-level keys (two documents glued together by a template) resolve to the last
	// value when parsed; the head reader sees the first. Such documents are parsed at once.
	if ((text.match(/^(?:kind|metadata):/gm) ?? []).length !== 2) return undefined;
	const head = headOf(text);
	if (head.kind === undefined || head.name === undefined) return undefined;
	const source = sourceOf(text);
	let parsed: ParsedDocument | undefined;
	const parse = () => (parsed ??= parseOne(text) ?? fallback(text, source, 'the document is empty'));
	const document = {
		kind: head.kind,
		name: head.name,
		...(head.namespace !== undefined ? { namespace: head.namespace } : {}),
		...(source !== undefined ? { source } : {}),
		text,
	} as ParsedDocument;
	Object.defineProperty(document, 'object', { enumerable: true, get: () => parse().object });
	Object.defineProperty(document, 'parseError', { enumerable: true, get: () => parse().parseError });
	return document;
}

/** Documents whose YAML could not be read, as `Kind/name (source): error` lines for a report. */
export function describeParseErrors(documents: readonly ParsedDocument[]): string[] {
	return documents
		.filter((document) => document.parseError !== undefined)
		.map((document) => {
			const where = document.source ? ` (${document.source})` : '';
			return `${document.kind || '(no kind)'}/${document.name || '(no name)'}${where}: ${document.parseError}`;
		});
}

const separator = /^---(?=\s|$)(.*)$/;
const documentEnd = /^\.\.\.(?=\s|$)/;

/**
 * Splits on `---` lines ourselves rather than with parseAllDocuments so that a broken document
 * cannot swallow its neighbours. A `---` at the start of a line always starts a document in
 * YAML (block scalars are indented), so this split is exact. Line ends are normalised to LF.
 */
function splitDocuments(stdout: string): string[] {
	const chunks: string[] = [];
	let current: string[] = [];
	let ended = false;
	const flush = () => {
		if (current.length > 0) chunks.push(`${current.join('\n')}\n`);
		current = [];
		ended = false;
	};
	for (const line of stdout.replace(/\r\n?/g, '\n').split('\n')) {
		const marker = separator.exec(line);
		if (marker) {
			flush();
			const rest = marker[1]!.trim();
			if (rest !== '' && !rest.startsWith('#')) current.push(rest);
			continue;
		}
		if (documentEnd.test(line)) {
			ended = true;
			continue;
		}
		// After `...` only comments may follow until the next `---`.
		if (!ended) current.push(line);
	}
	flush();
	return chunks.map((chunk) => chunk.replace(/\n+$/, '\n'));
}

function parseOne(text: string): ParsedDocument | undefined {
	const source = sourceOf(text);
	const document = parseDocument(text, lenientOptions);
	if (document.errors.length === 0) {
		if (document.contents === null) return undefined;
		let value: unknown;
		try {
			value = document.toJS({ maxAliasCount: 1000 });
		} catch (error) {
			return fallback(text, source, error instanceof Error ? error.message : String(error));
		}
		if (value === null || value === undefined) return undefined;
		if (!isMapping(value)) {
			return fallback(text, source, `expected a mapping at the top of the document, found ${kindOf(value)}`);
		}
		const metadata = isMapping(value.metadata) ? value.metadata : {};
		const namespace = scalarText(metadata.namespace);
		return {
			kind: scalarText(value.kind) ?? '',
			name: scalarText(metadata.name) ?? '',
			...(namespace !== undefined ? { namespace } : {}),
			...(source !== undefined ? { source } : {}),
			object: value,
			text,
		};
	}
	return fallback(text, source, describeErrors(document.errors));
}

function fallback(text: string, source: string | undefined, parseError: string): ParsedDocument {
	const head = headOf(text);
	return {
		kind: head.kind ?? '',
		name: head.name ?? '',
		...(head.namespace !== undefined ? { namespace: head.namespace } : {}),
		...(source !== undefined ? { source } : {}),
		object: {},
		text,
		parseError,
	};
}

/** The first `# Source:` comment before the content starts. */
function sourceOf(text: string): string | undefined {
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		if (trimmed === '') continue;
		if (!trimmed.startsWith('#')) return undefined;
		const match = /^#\s*Source:\s*(.+?)\s*$/.exec(trimmed);
		if (match) return match[1];
	}
	return undefined;
}

const topLevelKind = /^kind:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$/m;

/** kind, metadata.name and metadata.namespace read line by line, for text that is not YAML. */
function headOf(text: string): { kind?: string; name?: string; namespace?: string } {
	const head: { kind?: string; name?: string; namespace?: string } = {};
	const kind = topLevelKind.exec(text);
	if (kind) head.kind = kind[2];
	const lines = text.split('\n');
	const start = lines.findIndex((line) => /^metadata:[ \t]*(?:#.*)?$/.test(line));
	if (start === -1) return head;
	let childIndent: string | undefined;
	for (const line of lines.slice(start + 1)) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		const indent = /^[ \t]*/.exec(line)![0];
		if (indent === '') break;
		childIndent ??= indent;
		if (indent !== childIndent) continue;
		const field = /^[ \t]*(name|namespace):[ \t]*(["']?)([^"'#\s]+)\2[ \t]*(?:#.*)?$/.exec(line);
		if (field && head[field[1] as 'name' | 'namespace'] === undefined) {
			head[field[1] as 'name' | 'namespace'] = field[3];
		}
	}
	return head;
}

function describeErrors(errors: readonly { message: string }[]): string {
	// prettyErrors appends a code frame after the first line; the first line has the position.
	return errors.map((error) => error.message.split('\n')[0]!.trim()).join('; ');
}

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a sequence';
	return `a ${typeof value} (${JSON.stringify(value)})`;
}
