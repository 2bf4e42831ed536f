import { describeType, partialMatch } from './values.ts';
import { toYaml } from './format.ts';

/**
 * contains and notContains look for elements of a sequence that match `content` partially (see
 * partialMatch). Returns the indexes that match, or a failure text when the value is not a
 * sequence.
 */
export function matchingIndexes(actual: unknown, content: unknown): { indexes: number[] } | { notSequence: string } {
	if (!Array.isArray(actual)) {
		return { notSequence: `Expected a sequence, found ${describeType(actual)}:\n  ${toYaml(actual).replaceAll('\n', '\n  ')}` };
	}
	const indexes: number[] = [];
	actual.forEach((item, index) => {
		if (partialMatch(item, content)) indexes.push(index);
	});
	return { indexes };
}

export function elementCount(n: number): string {
	return n === 1 ? '1 matching element' : `${n} matching elements`;
}

export function indexList(indexes: readonly number[]): string {
	return indexes.length === 1 ? `index ${indexes[0]}` : `indexes ${indexes.join(', ')}`;
}
