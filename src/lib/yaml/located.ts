import { isMap, isScalar, isSeq, LineCounter, parseDocument, Parser, type Document, type Node } from 'yaml';
import { CasebookError } from '../errors.ts';

/**
 * YAML read with a way back from a data path to the file line it came from: every error about
 * an article, a checks file or a snippet names the line an author has to edit.
 */
export interface LocatedYaml {
	data: unknown;
	/** File line of the value at `path` (its key's line in a map), or of the nearest parent. */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
}

export interface LocatedYamlOptions {
	/** The file named in errors. */
	file: string;
	/** 1-based file line of the text's first line (frontmatter and fences start mid-file). */
	firstLine?: number;
	/** Reject a key given twice in one map (authors' files); tools' files may skip the scan. */
	uniqueKeys?: boolean;
	/** `failsafe` reads every scalar as a string (machine-written files with digest-like values). */
	schema?: 'core' | 'failsafe';
	/** Words for the message, e.g. `in snippet "restore-ingester"`. */
	what?: string;
}

export function parseLocatedYaml(text: string, options: LocatedYamlOptions): LocatedYaml {
	const firstLine = options.firstLine ?? 1;
	const lineCounter = new LineCounter();
	const document = parseDocument(text, {
		lineCounter,
		prettyErrors: false,
		uniqueKeys: options.uniqueKeys ?? true,
		schema: options.schema ?? 'core',
	});
	const error = document.errors[0];
	if (error) {
		const position = lineCounter.linePos(error.code === 'MISSING_CHAR' ? unclosedQuoteStart(text, error.pos[0]) : error.pos[0]);
		throw new CasebookError(`invalid YAML${options.what ? ` ${options.what}` : ''}: ${firstSentence(error.message)}`, {
			file: options.file,
			line: firstLine + position.line - 1,
			column: position.col,
		});
	}
	return {
		data: document.toJS({ maxAliasCount: -1 }),
		lineOf: (path) => firstLine - 1 + lineInDocument(document, lineCounter, path),
	};
}

/**
 * The parser notices an unclosed quote where the text ends, often lines later; the author's
 * mistake is where the quote opened: the last quoted scalar starting before the error.
 */
function unclosedQuoteStart(text: string, errorOffset: number): number {
	let start = -1;
	const visit = (token: unknown): void => {
		if (token === null || typeof token !== 'object') return;
		const { type, offset } = token as { type?: unknown; offset?: unknown };
		if ((type === 'double-quoted-scalar' || type === 'single-quoted-scalar') && typeof offset === 'number' && offset <= errorOffset && offset > start) {
			start = offset;
		}
		for (const value of Object.values(token)) visit(value);
	};
	for (const token of new Parser().parse(text)) visit(token);
	return start >= 0 ? start : errorOffset;
}

function firstSentence(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function lineInDocument(document: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number {
	let node: Node | null | undefined = document.contents as Node | null;
	let best = node?.range ? counter.linePos(node.range[0]).line : 1;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
			if (!pair) break;
			const keyNode = pair.key as Node;
			if (keyNode.range) best = counter.linePos(keyNode.range[0]).line;
			node = pair.value as Node | null;
		} else if (isSeq(node) && typeof key === 'number') {
			node = node.items[key] as Node | null;
			if (node?.range) best = counter.linePos(node.range[0]).line;
		} else {
			break;
		}
	}
	return best;
}
