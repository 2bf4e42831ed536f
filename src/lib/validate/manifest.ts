import { createHash } from 'node:crypto';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseManifest } from '../render/documents.ts';
import type { ValuesFile } from '../render/types.ts';
import { formatPath, type RenderValidation, type SchemaFinding } from './finding.ts';
import { originOf } from './origin.ts';
import type { SchemaSet } from './schema-set.ts';
import { validateObject } from './validate-object.ts';

/** As documents.ts reads helm output, except that a key written twice is an error, as in strict mode. */
const strictOptions = { uniqueKeys: true, merge: true, strict: false, logLevel: 'error' } as const;

interface DocumentResult {
	findings: Array<Omit<SchemaFinding, 'document' | 'source' | 'origin'> & { pathSegments: Array<string | number> }>;
	notChecked?: string;
	object?: Record<string, unknown>;
}

/**
 * Validates every document of a `helm template` output and ties each finding to the values file
 * line that wrote it, when one did. Identical documents (most of a chart's output repeats from
 * one render to the next) are validated once per process.
 */
export function validateRender(schemas: SchemaSet, stdout: string, valuesFiles: readonly ValuesFile[]): RenderValidation {
	const findings: SchemaFinding[] = [];
	const notChecked = new Set<string>();
	const documents = parseManifest(stdout);
	for (const document of documents) {
		const result = validateDocumentText(schemas, document.text);
		if (result.notChecked) notChecked.add(result.notChecked);
		for (const { pathSegments, ...finding } of result.findings) {
			const origin = originOf(finding.rule, pathSegments, result.object, valuesFiles);
			findings.push({
				...finding,
				document: `${document.kind || '(no kind)'}/${document.name || '(no name)'}`,
				...(document.source !== undefined ? { source: document.source } : {}),
				...(origin ? { origin } : {}),
			});
		}
	}
	return { schemaSet: schemas.id, documents: documents.length, findings, notChecked: [...notChecked].sort() };
}

const memo = new Map<string, DocumentResult>();
const MEMO_LIMIT = 50_000;

/**
 * A chart stamps its version into labels (`helm.sh/chart: tempo-1.13.0`), so the same template
 * renders a different text in every release. Quoted, or holding an x.y.z version, those values
 * are strings whatever they say; masking them lets one validation serve every release that renders the rest alike.
 */
const versionStamp = /^(\s+(?:helm\.sh\/chart|chart|app\.kubernetes\.io\/version|version):[ \t]+)(?:"[^"\\\n]*"|'[^'\n]*'|[\w.+-]*\d+\.\d+\.\d+[\w.+-]*)[ \t]*$/gm;

/** One document's findings, memoised by its text (the schema set is fixed for a process). */
export function validateDocumentText(schemas: SchemaSet, text: string): DocumentResult {
	const key = createHash('sha1').update(text.replace(versionStamp, '$1"*"')).digest('base64');
	let result = memo.get(key);
	if (!result) {
		result = validateDocument(schemas, text);
		if (memo.size >= MEMO_LIMIT) memo.clear();
		memo.set(key, result);
	}
	return result;
}

function validateDocument(schemas: SchemaSet, text: string): DocumentResult {
	const lineCounter = new LineCounter();
	const parsed = parseDocument(text, { ...strictOptions, lineCounter });
	const duplicates = parsed.errors.filter((error) => error.code === 'DUPLICATE_KEY');
	const others = parsed.errors.filter((error) => error.code !== 'DUPLICATE_KEY');
	if (others.length) {
		return {
			findings: [{ rule: 'not-yaml', path: '', pathSegments: [], expected: 'a YAML document', found: others.map((e) => e.message.split('\n')[0]).join('; ') }],
		};
	}
	let object: unknown;
	try {
		object = parsed.toJS({ maxAliasCount: 1000 });
	} catch (error) {
		return { findings: [{ rule: 'not-yaml', path: '', pathSegments: [], expected: 'a YAML document', found: String(error) }] };
	}
	if (object === null || object === undefined) return { findings: [] };
	if (typeof object !== 'object' || Array.isArray(object)) {
		return { findings: [{ rule: 'wrong-type', path: '', pathSegments: [], expected: 'an object', found: Array.isArray(object) ? 'a list' : typeof object }] };
	}
	const mapping = object as Record<string, unknown>;
	const findings: DocumentResult['findings'] = duplicates.length
		? duplicateKeys(parsed.contents, lineCounter).map(({ path, line }) => ({
				rule: 'duplicate-key' as const,
				path: formatPath(path),
				pathSegments: path,
				expected: 'each key once (the API server rejects a key written twice in strict mode)',
				found: `${formatPath(path)} written again at line ${line} of the document`,
			}))
		: [];
	const validation = validateObject(schemas, mapping);
	if (!validation.checked) return { findings, notChecked: `${validation.apiVersion} ${validation.kind}`, object: mapping };
	for (const finding of validation.findings) findings.push({ ...finding, path: formatPath(finding.path), pathSegments: finding.path });
	return { findings, object: mapping };
}

/** Every key written a second time in its mapping, with its path and line. */
function duplicateKeys(root: unknown, lineCounter: LineCounter): Array<{ path: Array<string | number>; line: number }> {
	const found: Array<{ path: Array<string | number>; line: number }> = [];
	const walk = (node: unknown, path: Array<string | number>) => {
		if (isMap(node)) {
			const seen = new Set<string>();
			for (const pair of node.items) {
				if (!isPair(pair)) continue;
				const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
				if (seen.has(key)) {
					const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
					found.push({ path: [...path, key], line: lineCounter.linePos(offset).line });
				}
				seen.add(key);
				walk(pair.value, [...path, key]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => walk(item, [...path, index]));
		}
	};
	walk(root, []);
	return found;
}
