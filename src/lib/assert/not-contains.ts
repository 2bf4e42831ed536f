import { lines, yamlSection } from './format.ts';
import { elementCount, indexList, matchingIndexes } from './contains-match.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * No element of the sequence at the path matches `content` (partially, as for contains). With
 * `count`, it passes unless exactly `count` elements match. The path must exist.
 */
export const notContains: Validator<'notContains'> = {
	label: (body) => `${pathLabel('notContains', body)}${body.count === undefined ? '' : ` count ${body.count}`}`,
	validate(body, manifest) {
		return checkEachMatch(
			manifest,
			body.document,
			body.path,
			(actual) => {
				const found = matchingIndexes(actual, body.content);
				if ('notSequence' in found) return found.notSequence;
				const { indexes } = found;
				if (body.count === undefined ? indexes.length === 0 : indexes.length !== body.count) return undefined;
				const items = actual as unknown[];
				return lines([
					body.count === undefined
						? `Found ${elementCount(indexes.length)} (${indexList(indexes)}).`
						: `Expected anything but ${elementCount(body.count)}, found exactly that${indexes.length > 0 ? ` (${indexList(indexes)})` : ''}.`,
					yamlSection('Expected not to contain', [body.content]),
					yamlSection('Matching elements', indexes.map((index) => items[index])),
				]);
			},
			{ missingHint: 'notContains needs the sequence to exist; use notExists to assert that it is absent.' },
		);
	},
};
