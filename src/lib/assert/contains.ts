import { diffSection, lines, toYaml, yamlSection } from './format.ts';
import { elementCount, indexList, matchingIndexes } from './contains-match.ts';
import { closestElement, isMapping, projectOnto } from './values.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The sequence at the path has an element that matches `content` partially: a mapping needs only
 * the keys it states (recursively), a nested sequence must have the same length and match element
 * by element, a scalar must be equal. With `count`, exactly that many elements must match. For an
 * indefinite path every match must be a sequence that passes.
 */
export const contains: Validator<'contains'> = {
	label: (body) => `${pathLabel('contains', body)}${body.count === undefined ? '' : ` count ${body.count}`}`,
	validate(body, manifest) {
		return checkEachMatch(manifest, body.document, body.path, (actual) => {
			const found = matchingIndexes(actual, body.content);
			if ('notSequence' in found) return found.notSequence;
			const { indexes } = found;
			if (body.count === undefined ? indexes.length > 0 : indexes.length === body.count) return undefined;
			const items = actual as unknown[];
			const summary =
				body.count === undefined
					? undefined
					: `Expected ${elementCount(body.count)}, found ${indexes.length}${indexes.length > 0 ? ` (${indexList(indexes)})` : ''}.`;
			return lines([
				summary,
				yamlSection('Expected to contain', [body.content]),
				yamlSection('Actual', actual),
				indexes.length === 0 ? diffAgainstClosest(items, body.content) : undefined,
			]);
		});
	},
};

/**
 * For mapping content, the diff is against the nearest element cut down to the keys the content
 * states, so it shows what differs rather than every extra field; otherwise against the whole
 * sequence.
 */
function diffAgainstClosest(items: readonly unknown[], content: unknown): string {
	const closest = isMapping(content) ? closestElement(items, content) : undefined;
	if (!closest) return diffSection(toYaml([content]), toYaml(items));
	return diffSection(toYaml(content), toYaml(projectOnto(closest.value, content)), {
		expected: 'Expected',
		actual: `Actual (element ${closest.index}, keys of the expected content only)`,
	});
}
