import type { RenderedManifest } from '../render/types.ts';
import { documentRef, errorText, toYaml } from './format.ts';
import { parsePath, PathError, queryPath } from './path.ts';
import { describeSelector, selectDocuments } from './select.ts';
import { deepEqual, multisetEqual } from './values.ts';
import { documentsOf, type BodyOf } from './validator.ts';

/** The value equal compares against, and where it came from when it was looked up. */
export type ExpectedValue =
	| { ok: true; value: unknown; from?: string; documents: string[] }
	| { ok: false; message: string; documents: string[] };

/**
 * `value` as written, or `valueFrom`: the value at `path` in the one document `document` selects
 * in the same render. The selector must pick exactly one document and the path exactly one value
 * (an indefinite path such as a filter is fine if it has a single match).
 */
export function resolveExpected(body: BodyOf<'equal'>, manifest: RenderedManifest): ExpectedValue {
	if (body.valueFrom === undefined) return { ok: true, value: body.value, documents: [] };
	const { document: selector, path } = body.valueFrom;
	const from = `${describeSelector(selector)} ${path}`;
	const what = `valueFrom ${from}`;
	const selected = selectDocuments(documentsOf(manifest), selector);
	const documents = selected.map(documentRef);
	if (selected.length !== 1) {
		const found = selected.length === 0 ? 'none' : `${selected.length} (${documents.join(', ')}); narrow the selector`;
		return { ok: false, message: `${what}: expected exactly one document to match, found ${found}`, documents };
	}
	try {
		const result = queryPath(selected[0]!.object, parsePath(path));
		if (result.definite) {
			if (!result.found) return { ok: false, message: `${what}: not found: ${result.reason}`, documents };
			return { ok: true, value: result.value, from, documents };
		}
		if (result.matches.length !== 1) {
			return { ok: false, message: `${what}: expected exactly one match, found ${result.matches.length}`, documents };
		}
		return { ok: true, value: result.matches[0]!.value, from, documents };
	} catch (error) {
		if (error instanceof PathError) return { ok: false, message: `${what}: ${errorText(error)}`, documents };
		throw error;
	}
}

/** Equality as equal defines it: with ignoreOrder, two sequences compare as multisets. */
export function sameValue(actual: unknown, expected: unknown, ignoreOrder: boolean): boolean {
	if (ignoreOrder && Array.isArray(actual) && Array.isArray(expected)) return multisetEqual(actual, expected);
	return deepEqual(actual, expected);
}

/** With ignoreOrder, sequences are shown sorted so that the diff shows only real differences. */
export function forDisplay(value: unknown, ignoreOrder: boolean): unknown {
	if (!ignoreOrder || !Array.isArray(value)) return value;
	return value
		.map((item) => ({ item, key: toYaml(item) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map(({ item }) => item);
}
