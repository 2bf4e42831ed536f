import type { AssertionKind, DocumentSelector, Expectation } from '../case/expectation-schema.ts';
import type { ParsedDocument } from '../render/documents.ts';
import type { RenderedManifest } from '../render/types.ts';
import { blocks, documentHeading, documentRef, lines } from './format.ts';
import { matchesOf, parsePath, queryPath, PathError } from './path.ts';
import { describeSelector, selectDocuments, toFilter, type DocumentFilter } from './select.ts';

/** The validated body of one assertion kind, e.g. `BodyOf<'equal'>`. */
export type BodyOf<K extends AssertionKind> = Extract<Expectation, { kind: K }>['body'];

/** What a validator decides; index.ts adds the index, kind and label. */
export interface Verdict {
	passed: boolean;
	/** When failed: ready to print. */
	message?: string;
	/** `Kind/name` of the documents the assertion looked at. */
	documents: string[];
}

/**
 * One assertion kind, in the manner of helm-unittest's validators. `validate` is only called on
 * a successful render unless `expectsFailedRender` is set (index.ts handles failed renders).
 * It may throw CasebookError (a bad path or pattern): index.ts turns that into a failure.
 */
export interface Validator<K extends AssertionKind> {
	readonly expectsFailedRender?: boolean;
	label(body: BodyOf<K>): string;
	validate(body: BodyOf<K>, manifest: RenderedManifest): Verdict;
}

/** Document assertions see documents that may carry a parse error (see parseManifest). */
export function documentsOf(manifest: RenderedManifest): ParsedDocument[] {
	return manifest.documents;
}

/**
 * Runs `check` on every document the selector picks. `check` returns the failure text for that
 * document, or undefined when it passed. Fails when no document matches.
 */
export function checkDocuments(
	manifest: RenderedManifest,
	selector: DocumentSelector,
	check: (document: ParsedDocument) => string | undefined,
): Verdict {
	const selected = selectDocuments(documentsOf(manifest), selector);
	if (selected.length === 0) return { passed: false, message: noDocumentMessage(manifest, selector), documents: [] };
	const failures = selected.flatMap((document) => {
		const failure = check(document);
		return failure === undefined ? [] : [`${documentHeading(document)}\n${failure}`];
	});
	const documents = selected.map(documentRef);
	return failures.length === 0 ? { passed: true, documents } : { passed: false, message: blocks(failures), documents };
}

/** "no document matches X", with the documents of that kind that do exist, to catch typos. */
export function noDocumentMessage(manifest: RenderedManifest, selector: DocumentSelector | DocumentFilter): string {
	const kind = toFilter(selector).kind;
	const first = `No document matches ${describeSelector(selector)}.`;
	if (kind === undefined) return first;
	const sameKind = manifest.documents.filter((document) => document.kind === kind);
	if (sameKind.length > 0) {
		const names = sameKind.map((document) => document.name || '(no name)').join(', ');
		return `${first}\n${kind} documents in this render: ${names}`;
	}
	const kinds = [...new Set(manifest.documents.map((document) => document.kind || '(no kind)'))].sort();
	return `${first}\nThe render has no ${kind}; kinds present: ${kinds.join(', ') || 'none'}`;
}

export interface MatchOptions {
	/** Added to the "not found" text, e.g. to point negative assertions at notExists. */
	missingHint?: string;
}

/**
 * The usual shape of a value assertion: select documents, read `path` in each, and run `check`
 * on every match (the single value of a definite path, each match of an indefinite one). A path
 * that selects nothing fails. `check` returns the failure text for one value, or undefined.
 */
export function checkEachMatch(
	manifest: RenderedManifest,
	selector: DocumentSelector,
	path: string,
	check: (value: unknown) => string | undefined,
	options: MatchOptions = {},
): Verdict {
	const compiled = parsePath(path);
	return checkDocuments(manifest, selector, (document) => {
		let matches;
		try {
			const result = queryPath(document.object, compiled);
			matches = matchesOf(result);
			if (matches.length === 0) {
				const why = result.definite && !result.found ? result.reason : 'the path matches nothing';
				return lines([`Path: ${path}`, `Not found: ${why}`, options.missingHint]);
			}
		} catch (error) {
			if (error instanceof PathError) return lines([`Path: ${path}`, `Error: ${error.message}`]);
			throw error;
		}
		const failures = matches.flatMap((match, i) => {
			const failure = check(match.value);
			if (failure === undefined) return [];
			return [compiled.definite ? failure : `Match ${i + 1} of ${matches.length}: ${match.location}\n${failure}`];
		});
		return failures.length === 0 ? undefined : `Path: ${path}\n${blocks(failures)}`;
	});
}

/** `<kind> <path> on <selector>`, the label of most value assertions. */
export function pathLabel(kind: AssertionKind, body: { path: string; document: DocumentSelector }): string {
	return `${kind} ${body.path} on ${describeSelector(body.document)}`;
}
