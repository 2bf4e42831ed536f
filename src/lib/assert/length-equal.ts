import { lines, yamlSection } from './format.ts';
import { describeType, isMapping } from './values.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The sequence (number of elements) or mapping (number of keys) at the path has length `count`.
 * For an indefinite path each match is measured; to count the matches themselves, use contains
 * with `count` on the enclosing sequence.
 */
export const lengthEqual: Validator<'lengthEqual'> = {
	label: (body) => `${pathLabel('lengthEqual', body)} count ${body.count}`,
	validate(body, manifest) {
		return checkEachMatch(manifest, body.document, body.path, (actual) => {
			const length = Array.isArray(actual) ? actual.length : isMapping(actual) ? Object.keys(actual).length : undefined;
			if (length === undefined) {
				return lines([`Expected a sequence or a mapping, found ${describeType(actual)}.`, yamlSection('Actual', actual)]);
			}
			if (length === body.count) return undefined;
			return lines([`Expected length:\n  ${body.count}`, `Actual length:\n  ${length}`, yamlSection('Actual', actual)]);
		});
	},
};
