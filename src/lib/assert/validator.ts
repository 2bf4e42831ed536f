import type { AssertionKind, DocumentSelector, Expectation } from '../case/expectation-schema.ts';
import type { ParsedDocument } from '../render/documents.ts';
import type { RenderedManifest } from '../render/types.ts';
import type { Failure, Shown } from './failure.ts';
import { documentRef } from './format.ts';
import { matchesOf, parsePath, queryPath, PathError } from './path.ts';
import { describeSelector, selectDocuments, toFilter, type DocumentFilter } from './select.ts';
import { describeType } from './values.ts';

/** The validated body of one assertion kind, e.g. `BodyOf<'equal'>`. */
export type BodyOf<K extends AssertionKind> = Extract<Expectation, { kind: K }>['body'];

/**
 * One thing a validator looked at: a value at the path, a document, or the whole render.
 * `failure` is what to print when it counts against the assertion.
 */
export type Observation =
	/**
	 * The statement was decided. `failure` describes the side that fails: a statement that does
	 * not hold, or, when `holds`, the same statement under `not: true`.
	 */
	| { holds: boolean; failure: Failure }
	/**
	 * It could not be decided: no document matches, a value has the wrong type, a path cannot be
	 * read (`error`) or a value assertion's path selects nothing (`missing`). Fails with or
	 * without `not`, so that a typo cannot pass a negated assertion.
	 */
	| { undecided: 'missing' | 'error'; failure: Failure };

/** What a validator reports; index.ts applies `not` and prints the failures. */
export interface Findings {
	/** What the assertion expects, shown in each failure (as "Expected not" under `not: true`). */
	expected?: Shown;
	observations: Observation[];
	/** `Kind/name` of the documents the assertion looked at. */
	documents: string[];
}

/**
 * One assertion kind, in the manner of helm-unittest's validators. `validate` states what it
 * found without knowing about `not`. It is only called on a successful render unless
 * `expectsFailedRender` is set (index.ts handles failed renders). It may throw CasebookError
 * (a bad path or pattern): index.ts turns that into a failure.
 */
export interface Validator<K extends AssertionKind> {
	readonly expectsFailedRender?: boolean;
	/** The label without `not`; index.ts prefixes "not " for a negated assertion. */
	label(body: BodyOf<K>): string;
	validate(body: BodyOf<K>, manifest: RenderedManifest): Findings;
}

/** Document assertions see documents that may carry a parse error (see parseManifest). */
export function documentsOf(manifest: RenderedManifest): ParsedDocument[] {
	return manifest.documents;
}

/**
 * Runs `observe` on every document the selector picks. When none matches, that is undecided
 * (a negated assertion on a misspelt name must not pass); the failure names the documents of
 * that kind that do exist.
 */
export function observeDocuments(
	manifest: RenderedManifest,
	selector: DocumentSelector,
	observe: (document: ParsedDocument) => Observation[],
	context: Pick<Failure, 'path'> = {},
): Findings {
	const selected = selectDocuments(documentsOf(manifest), selector);
	if (selected.length === 0) {
		const failure: Failure = {
			document: describeSelector(selector),
			...context,
			error: 'no document matches',
			notes: similarDocuments(manifest, selector),
		};
		return { observations: [{ undecided: 'error', failure }], documents: [] };
	}
	return { observations: selected.flatMap(observe), documents: selected.map(documentRef) };
}

/** The documents of the selector's kind (to catch a misspelt name), or the kinds present. */
export function similarDocuments(manifest: RenderedManifest, selector: DocumentSelector | DocumentFilter): string[] {
	const kind = toFilter(selector).kind;
	if (kind === undefined) return [];
	const sameKind = manifest.documents.filter((document) => document.kind === kind);
	if (sameKind.length > 0) {
		return [`${kind} documents in this render: ${sameKind.map((document) => document.name || '(no name)').join(', ')}`];
	}
	const kinds = [...new Set(manifest.documents.map((document) => document.kind || '(no kind)'))].sort();
	return [`The render has no ${kind}; kinds present: ${kinds.join(', ') || 'none'}`];
}

/**
 * What a value assertion decides about one value: whether it holds, or that the value has the
 * wrong type. Document, path and match are added by observeEachMatch.
 */
export type ValueObservation =
	| { holds: boolean; failure: Pick<Failure, 'actual' | 'diff' | 'notes'> }
	| { undecided: 'error'; failure: Pick<Failure, 'actual' | 'error' | 'notes'> };

/**
 * The usual shape of a value assertion: select documents, read `path` in each, and run
 * `observe` on every match (the single value of a definite path, each match of an indefinite
 * one). A path that selects nothing is `missing`: it fails, with or without `not`.
 */
export function observeEachMatch(
	manifest: RenderedManifest,
	selector: DocumentSelector,
	path: string,
	observe: (value: unknown) => ValueObservation,
): Findings {
	const compiled = parsePath(path);
	return observeDocuments(
		manifest,
		selector,
		(document): Observation[] => {
			const where = { document, path };
			let matches;
			try {
				const result = queryPath(document.object, compiled);
				matches = matchesOf(result);
				if (matches.length === 0) {
					const why = result.definite && !result.found ? result.reason : 'the path matches nothing';
					return [{ undecided: 'missing', failure: { ...where, actual: { inline: `not found (${why})` } } }];
				}
			} catch (error) {
				if (error instanceof PathError) return [{ undecided: 'error', failure: { ...where, error: error.message } }];
				throw error;
			}
			return matches.map((match, i) => {
				const observation = observe(match.value);
				const at = compiled.definite ? {} : { match: { number: i + 1, of: matches.length, location: match.location } };
				return { ...observation, failure: { ...where, ...at, ...observation.failure } };
			});
		},
		{ path },
	);
}

/** `<kind> <path> on <selector>`, the label of most value assertions. */
export function pathLabel(kind: AssertionKind, body: { path: string; document: DocumentSelector }): string {
	return `${kind} ${body.path} on ${describeSelector(body.document)}`;
}

/** A value of the wrong type for the assertion (e.g. matchRegex on a number): undecided. */
export function wrongType(actual: unknown, needed: string): ValueObservation {
	return { undecided: 'error', failure: { actual: { words: `(${describeType(actual)}, but ${needed} is needed)`, value: actual } } };
}
