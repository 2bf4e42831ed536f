import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { ValuesFile } from '../render/types.ts';
import type { FindingRule } from './finding.ts';

/** A node of a values file: the keys above it (list positions left out), its value, its line. */
interface ValuesNode {
	keys: string[];
	value: unknown;
	line: number;
}

/**
 * The values file line that wrote an offending field, if one did. A values file does not say
 * where the chart puts what it holds (`ruler.extraContainers[0]` becomes
 * `spec.template.spec.containers[1]`, an `extraObjects` entry becomes a document), so the match
 * is on what is left: the field's name and its value (for a missing field, the object that
 * lacks it: the same field names), preferring the node whose keys share the longest tail with
 * the rendered path. `extraObjects` given as YAML text are read as YAML too, with `{{ }}`
 * placeholders masked.
 */
export function originOf(
	rule: FindingRule,
	path: ReadonlyArray<string | number>,
	object: Record<string, unknown> | undefined,
	valuesFiles: readonly ValuesFile[],
): { valuesFile: number; line: number } | undefined {
	if (!object || rule === 'not-yaml' || rule === 'unknown-kind' || valuesFiles.length === 0) return undefined;
	// A missing field is looked for as the object that lacks it.
	const targetPath = rule === 'missing-field' ? path.slice(0, -1) : path;
	const value = valueAt(object, targetPath);
	const keys = targetPath.filter((segment): segment is string => typeof segment === 'string');
	if (keys.length === 0 || value === undefined) return undefined;
	let best: { valuesFile: number; line: number; score: number } | undefined;
	valuesFiles.forEach((file, valuesFile) => {
		for (const node of indexValues(file.content)) {
			if (node.keys.at(-1) !== keys.at(-1)) continue;
			if (!sameValue(node.value, value, rule === 'missing-field')) continue;
			const score = sharedTail(node.keys, keys);
			if (!best || score > best.score) best = { valuesFile, line: node.line, score };
		}
	});
	return best && { valuesFile: best.valuesFile, line: best.line };
}

function valueAt(object: unknown, path: ReadonlyArray<string | number>): unknown {
	let current = object;
	for (const segment of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[segment];
	}
	return current;
}

function sharedTail(a: string[], b: string[]): number {
	let n = 0;
	while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
	return n;
}

/** Equal values, where a `{{ }}` in the values file stands for anything; objects by their field names when `byKeys`. */
function sameValue(written: unknown, rendered: unknown, byKeys: boolean): boolean {
	if (byKeys) {
		if (!isObject(written) || !isObject(rendered)) return false;
		return isDeepStrictEqual(Object.keys(written).sort(), Object.keys(rendered).sort());
	}
	if (typeof written === 'string' && written.includes('{{')) return typeof rendered === 'string' && templatePattern(written).test(rendered);
	if (isDeepStrictEqual(written, rendered)) return true;
	// Objects and lists written with templates inside: compare their shape.
	if (isObject(written) && isObject(rendered)) return isDeepStrictEqual(Object.keys(written).sort(), Object.keys(rendered).sort());
	return false;
}

function templatePattern(text: string): RegExp {
	const parts = text.split(/\{\{.*?\}\}/s).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('.*')}$`, 's');
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const indexMemo = new Map<string, ValuesNode[]>();

function indexValues(content: string): ValuesNode[] {
	let nodes = indexMemo.get(content);
	if (!nodes) {
		nodes = [];
		collect(content, 0, [], nodes);
		if (indexMemo.size > 1000) indexMemo.clear();
		indexMemo.set(content, nodes);
	}
	return nodes;
}

/** Indexes every node of a YAML text; `lineOffset` places text embedded in a block scalar. */
function collect(text: string, lineOffset: number, baseKeys: string[], out: ValuesNode[]): void {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false, logLevel: 'silent' });
	if (document.errors.length) return;
	const lineOf = (offset: number | undefined) => lineOffset + lineCounter.linePos(offset ?? 0).line;
	const walk = (node: unknown, keys: string[], line: number) => {
		const value = isMap(node) || isSeq(node) || isScalar(node) ? node.toJS(document) : node;
		out.push({ keys, value, line });
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isPair(pair)) continue;
				const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
				walk(pair.value, [...keys, key], lineOf((pair.key as { range?: [number, number, number] } | null)?.range?.[0]));
			}
		} else if (isSeq(node)) {
			for (const item of node.items) walk(item, keys, lineOf((item as { range?: [number, number, number] } | null)?.range?.[0]));
		} else if (isScalar(node) && typeof node.value === 'string' && isBlockText(node)) {
			// An object given as YAML text (`extraObjects: [ | ... ]`): its content starts on the next line.
			const masked = node.value.replace(/\{\{.*?\}\}/gs, (template) => 'x'.repeat(template.length));
			collect(masked, lineOf(node.range?.[0]), keys, out);
		}
	};
	walk(document.contents, baseKeys, lineOf(document.contents?.range?.[0]));
}

function isBlockText(node: Scalar): boolean {
	return (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) && /^\s*[\w.-]+:/m.test(String(node.value));
}
