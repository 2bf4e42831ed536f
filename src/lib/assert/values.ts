import { isDeepStrictEqual } from 'node:util';
/**
 * Comparisons between values read from YAML (plain objects, arrays, strings, numbers, booleans,
 * null). Nothing here knows about documents or paths.
 */

export function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a string`, `a mapping`, `null`: for messages such as "spec.replicas is a string". */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a sequence';
	if (isMapping(value)) return 'a mapping';
	if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
	return `a ${typeof value}`;
}

/**
 * Structural equality, as rendered YAML needs it: mapping key order does not matter, sequence
 * order and types do (`"3"` is not `3`). Node's own comparison does exactly this for plain data.
 */
export const deepEqual: (a: unknown, b: unknown) => boolean = isDeepStrictEqual;

/** Same elements with the same multiplicities, in any order (elements compared with deepEqual). */
export function multisetEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
	if (a.length !== b.length) return false;
	const unused = [...b];
	return a.every((item) => {
		const at = unused.findIndex((candidate) => deepEqual(item, candidate));
		if (at === -1) return false;
		unused.splice(at, 1);
		return true;
	});
}

/**
 * Whether `actual` has everything `expected` states:
 * - a mapping matches when every key of `expected` is present in `actual` and matches, recursively
 *   (extra keys in `actual` are fine);
 * - a sequence matches a sequence of the same length whose elements match one by one, in order
 *   (so elements that are mappings are themselves matched partially);
 * - anything else matches by equality (`null` matches only a present `null`).
 */
export function partialMatch(actual: unknown, expected: unknown): boolean {
	if (isMapping(expected)) {
		if (!isMapping(actual)) return false;
		return Object.keys(expected).every(
			(key) => Object.hasOwn(actual, key) && partialMatch(actual[key], expected[key]),
		);
	}
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual) || actual.length !== expected.length) return false;
		return expected.every((item, i) => partialMatch(actual[i], item));
	}
	return deepEqual(actual, expected);
}

/**
 * `actual` cut down to the keys `expected` mentions, so that a diff between the two shows only
 * what a partial match looked at.
 */
export function projectOnto(actual: unknown, expected: unknown): unknown {
	if (isMapping(expected) && isMapping(actual)) {
		const projected: Record<string, unknown> = {};
		for (const key of Object.keys(expected)) {
			if (Object.hasOwn(actual, key)) projected[key] = projectOnto(actual[key], expected[key]);
		}
		return projected;
	}
	if (Array.isArray(expected) && Array.isArray(actual)) {
		return actual.map((item, i) => (i < expected.length ? projectOnto(item, expected[i]) : item));
	}
	return actual;
}

/**
 * The element of `candidates` that comes nearest to matching `expected`: the one with most
 * matching top-level keys (the first on a tie). Used to pick what to diff against.
 */
export function closestElement(
	candidates: readonly unknown[],
	expected: unknown,
): { index: number; value: unknown } | undefined {
	let best: { index: number; value: unknown; score: number } | undefined;
	candidates.forEach((value, index) => {
		const score = isMapping(expected) && isMapping(value)
			? Object.keys(expected).filter((key) => Object.hasOwn(value, key) && partialMatch(value[key], expected[key]))
					.length
			: 0;
		if (!best || score > best.score) best = { index, value, score };
	});
	return best && { index: best.index, value: best.value };
}
