import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { CasebookError } from '../errors.ts';

/** Frontmatter split off a Markdown file, with a way back from a data path to a file line. */
export interface Frontmatter {
	data: unknown;
	/** 1-based file line of the first frontmatter line (the one after `---`). */
	firstLine: number;
	/** The body after the closing `---`. */
	body: string;
	/** 1-based file line where the body starts. */
	bodyLine: number;
	/** File line of the value at a data path (`['case', 'checks', 0, 'id']`), or the nearest parent's. */
	lineOf(path: ReadonlyArray<PropertyKey>): number;
}

const FENCE = /^---\s*$/;

export function splitFrontmatter(source: string, file: string): Frontmatter {
	const lines = source.split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) {
		throw new CasebookError('the article has no frontmatter', {
			file,
			line: 1,
			expected: 'a first line "---" opening the YAML frontmatter',
			found: JSON.stringify(lines[0] ?? ''),
		});
	}
	const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
	if (close === -1) {
		throw new CasebookError('the frontmatter is never closed', {
			file,
			line: 1,
			expected: 'a line "---" after the frontmatter',
			found: 'end of file',
		});
	}
	const yamlText = lines.slice(1, close).join('\n');
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const error = doc.errors[0];
	if (error) {
		const pos = lineCounter.linePos(error.pos[0]);
		throw new CasebookError(`invalid YAML in frontmatter: ${firstSentence(error.message)}`, {
			file,
			line: pos.line + 1,
			column: pos.col,
		});
	}
	return {
		data: doc.toJS(),
		firstLine: 2,
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
		lineOf: (path) => 1 + lineInDocument(doc, lineCounter, path),
	};
}

function firstSentence(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function lineInDocument(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number {
	let node: Node | null | undefined = doc.contents as Node | null;
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
