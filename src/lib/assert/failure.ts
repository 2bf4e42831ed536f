import type { ParsedDocument } from '../render/documents.ts';
import { documentHeading, indent, limitLines, toYaml, unifiedDiff } from './format.ts';

/**
 * Every failed assertion is printed by formatFailure, with the same fields in the same order:
 *
 *     Document: StatefulSet/t-tempo-ingester (source: …)
 *     Path: spec.replicas
 *     Match 2 of 3: …                (one match of an indefinite path)
 *     Expected: / Expected not: …    (`not: true` adds the "not")
 *     Actual: …  or  Error: …
 *     Diff: …                        (two values that differ)
 *     notes
 *
 * Validators describe a failure as data (a Failure); only this module turns it into text.
 */

/** One side of a comparison. */
export interface Shown {
	/** After the field name on its line: `to contain` (Expected to contain), `(length 3)`. */
	words?: string;
	/** After the colon, on the same line: a pattern, a count, `not found (…)`. */
	inline?: string;
	/** A value, printed as YAML under the field. Checked with `'value' in`, so it may be null. */
	value?: unknown;
	/** Lines printed as they are under the field (e.g. a list of documents). */
	text?: string;
}

export interface Failure {
	/** The document looked at, or a selector (as describeSelector prints it) when there is none. */
	document?: ParsedDocument | string;
	path?: string;
	/** Which match of an indefinite path this is about. */
	match?: { number: number; of: number; location: string };
	expected?: Shown;
	actual?: Shown;
	/** Why the statement could not be decided; printed in place of Actual when there is none. */
	error?: string;
	/** Shown when the two texts differ; `actualName` when the actual side is a cut-down value. */
	diff?: { expected: unknown; actual: unknown; actualName?: string };
	/** Last lines: hints and context, e.g. the names of the documents of that kind. */
	notes?: readonly string[];
}

/** The text of one failure; `negated` when the assertion carries `not: true`. */
export function formatFailure(failure: Failure, negated: boolean): string {
	const { document, path, match, expected, actual, error, diff, notes = [] } = failure;
	const lines: string[] = [];
	if (document !== undefined) lines.push(typeof document === 'string' ? `Document: ${document}` : documentHeading(document));
	if (path !== undefined) lines.push(`Path: ${path}`);
	if (match !== undefined) lines.push(`Match ${match.number} of ${match.of}: ${match.location}`);
	if (expected !== undefined) lines.push(field(negated ? 'Expected not' : 'Expected', expected));
	if (actual !== undefined) lines.push(field('Actual', actual));
	if (error !== undefined) lines.push(`Error: ${error}`);
	if (diff !== undefined) {
		const expectedText = toYaml(diff.expected);
		const actualText = toYaml(diff.actual);
		if (expectedText !== actualText) {
			const names = { expected: 'Expected', actual: diff.actualName ?? 'Actual' };
			lines.push(`Diff:\n${indent(unifiedDiff(expectedText, actualText, names))}`);
		}
	}
	lines.push(...notes);
	return lines.join('\n');
}

/** Several failures (documents, matches), separated by a blank line. */
export function formatFailures(failures: readonly Failure[], negated: boolean): string {
	return failures.map((failure) => formatFailure(failure, negated)).join('\n\n');
}

function field(name: string, shown: Shown): string {
	const head = shown.words === undefined ? name : `${name} ${shown.words}`;
	const block = 'value' in shown ? toYaml(shown.value) : shown.text;
	const line = shown.inline !== undefined ? `${head}: ${shown.inline}` : block !== undefined ? `${head}:` : head;
	return block === undefined ? line : `${line}\n${indent(limitLines(block))}`;
}
