import { isMapping } from './values.ts';
import { observeEachMatch, pathLabel, wrongType, type Validator } from './validator.ts';

/**
 * The sequence (number of elements) or mapping (number of keys) at the path has length `count`;
 * with `not: true`, any other length. For an indefinite path each match is measured; to count
 * the matches themselves, use contains with `count` on the enclosing sequence.
 */
export const lengthEqual: Validator<'lengthEqual'> = {
	label: (body) => `${pathLabel('lengthEqual', body)} count ${body.count}`,
	validate(body, manifest) {
		const findings = observeEachMatch(manifest, body.document, body.path, (actual) => {
			const length = Array.isArray(actual) ? actual.length : isMapping(actual) ? Object.keys(actual).length : undefined;
			if (length === undefined) return wrongType(actual, 'a sequence or a mapping');
			return { holds: length === body.count, failure: { actual: { words: `(length ${length})`, value: actual } } };
		});
		return { ...findings, expected: { words: 'to have length', inline: String(body.count) } };
	},
};
