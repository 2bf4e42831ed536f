import type { Failure } from './failure.ts';
import { closestElement, isMapping, partialMatch, projectOnto } from './values.ts';
import { observeEachMatch, pathLabel, wrongType, type Validator } from './validator.ts';

/**
 * The sequence at the path has an element that matches `content` partially: a mapping needs only
 * the keys it states (recursively), a nested sequence must have the same length and match element
 * by element, a scalar must be equal. With `count`, exactly that many elements must match. For an
 * indefinite path every match must be a sequence that passes. With `not: true`, no element
 * matches (with `count`: any number but `count`); the sequence must still exist.
 */
export const contains: Validator<'contains'> = {
	label: (body) => `${pathLabel('contains', body)}${body.count === undefined ? '' : ` count ${body.count}`}`,
	validate(body, manifest) {
		const { content, count } = body;
		const findings = observeEachMatch(manifest, body.document, body.path, (actual) => {
			if (!Array.isArray(actual)) return wrongType(actual, 'a sequence');
			const indexes = actual.flatMap((item, index) => (partialMatch(item, content) ? [index] : []));
			const holds = count === undefined ? indexes.length > 0 : indexes.length === count;
			return { holds, failure: holds ? matchingElements(actual, indexes) : noMatch(actual, content, indexes, count) };
		});
		const expected =
			count === undefined
				? { words: 'to contain', value: [content] }
				: { words: `to contain ${count === 1 ? '1 element' : `${count} elements`} matching`, value: content };
		return { ...findings, expected };
	},
};

/** Why a negated contains fails: the elements that match. */
function matchingElements(items: readonly unknown[], indexes: readonly number[]): Failure {
	if (indexes.length === 0) return { actual: { words: '(no matching element)', value: items } };
	return { actual: { words: `(${found(indexes)})`, value: indexes.map((index) => items[index]) } };
}

/** Why contains fails: the whole sequence, and when nothing matched a diff against the nearest element. */
function noMatch(items: readonly unknown[], content: unknown, indexes: readonly number[], count: number | undefined): Failure {
	const actual = count === undefined ? { value: items } : { words: `(${found(indexes)})`, value: items };
	return indexes.length === 0 ? { actual, diff: diffAgainstClosest(items, content) } : { actual };
}

/**
 * For mapping content, the diff is against the nearest element cut down to the keys the content
 * states, so it shows what differs rather than every extra field; otherwise against the whole
 * sequence.
 */
function diffAgainstClosest(items: readonly unknown[], content: unknown): Failure['diff'] {
	const closest = isMapping(content) ? closestElement(items, content) : undefined;
	if (!closest) return { expected: [content], actual: items };
	return {
		expected: content,
		actual: projectOnto(closest.value, content),
		actualName: `Actual (element ${closest.index}, keys of the expected content only)`,
	};
}

/** `1 matching element: index 2`, `3 matching elements: indexes 0, 1, 2`, `no matching element`. */
function found(indexes: readonly number[]): string {
	if (indexes.length === 0) return 'no matching element';
	if (indexes.length === 1) return `1 matching element: index ${indexes[0]}`;
	return `${indexes.length} matching elements: indexes ${indexes.join(', ')}`;
}
