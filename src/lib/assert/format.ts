import { structuredPatch } from 'diff';
import { stringify } from 'yaml';
import type { ParsedDocument } from '../render/documents.ts';
import type { RenderedDocument } from '../render/types.ts';

/**
 * Failure messages are plain text (no colours: the caller may add them) and deterministic, so
 * that a report does not change between two runs over the same render.
 */

const indentUnit = '  ';
/** Long values (whole embedded config files) are cut so a report stays readable. */
const maxBlockLines = 200;

/** A value as YAML without the trailing newline; long lines are never folded. */
export function toYaml(value: unknown): string {
	if (value === undefined) return '(nothing)';
	return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false }).replace(/\n$/, '');
}

export function indent(text: string, prefix = indentUnit): string {
	return text
		.split('\n')
		.map((line) => (line === '' ? line : prefix + line))
		.join('\n');
}

export function limitLines(text: string): string {
	const lines = text.split('\n');
	if (lines.length <= maxBlockLines) return text;
	return [...lines.slice(0, maxBlockLines), `… ${lines.length - maxBlockLines} more lines`].join('\n');
}

/** `Label:` followed by the text indented below it. */
export function section(label: string, text: string): string {
	return `${label}:\n${indent(limitLines(text))}`;
}

/** A unified diff (`--- Expected` / `+++ Actual`, hunks with three lines of context). */
export function unifiedDiff(expected: string, actual: string, names = { expected: 'Expected', actual: 'Actual' }): string {
	const patch = structuredPatch(names.expected, names.actual, `${expected}\n`, `${actual}\n`, undefined, undefined, {
		context: 3,
	});
	const lines = [`--- ${names.expected}`, `+++ ${names.actual}`];
	for (const hunk of patch.hunks) {
		lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
		lines.push(...hunk.lines.filter((line) => !line.startsWith('\\')));
	}
	return lines.join('\n');
}

/** `StatefulSet/t-tempo-ingester`, as AssertionOutcome.documents lists documents. */
export function documentRef(document: RenderedDocument): string {
	return `${document.kind}/${document.name}`;
}

/** `StatefulSet/t-tempo-ingester (source: tempo-distributed/templates/…)`. */
export function documentTitle(document: RenderedDocument): string {
	return document.source ? `${documentRef(document)} (source: ${document.source})` : documentRef(document);
}

/** One line per document, for lists in failures. */
export function documentList(documents: readonly RenderedDocument[]): string {
	return documents.map(documentTitle).join('\n');
}

export function documentCount(n: number): string {
	return n === 1 ? '1 document' : `${n} documents`;
}

/** The first lines of a failure: which document, where it came from, whether it parsed. */
export function documentHeading(document: ParsedDocument): string {
	const lines = [`Document: ${documentTitle(document)}`];
	if (document.parseError !== undefined) {
		lines.push(`Note: this document is not valid YAML (${document.parseError}); its content was read as empty.`);
	}
	return lines.join('\n');
}

/** The text of a thrown error, without a stack. */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function quote(text: string): string {
	return JSON.stringify(text);
}
