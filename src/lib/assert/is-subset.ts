import { describeType, isMapping, partialMatch, projectOnto } from './values.ts';
import { observeEachMatch, pathLabel, wrongType, type Validator } from './validator.ts';

/**
 * The mapping at the path includes `content`: every key of content is present and matches
 * partially (see partialMatch: nested mappings partially, sequences element by element with the
 * same length, scalars by equality). For an indefinite path every match must include it; with
 * `not: true`, none may.
 */
export const isSubset: Validator<'isSubset'> = {
	label: (body) => pathLabel('isSubset', body),
	validate(body, manifest) {
		const content = body.content;
		if (!isMapping(content)) {
			const error = `isSubset needs a mapping as content, found ${describeType(content)}; use equal or contains instead.`;
			return { observations: [{ undecided: 'error', failure: { error } }], documents: [] };
		}
		const findings = observeEachMatch(manifest, body.document, body.path, (actual) => {
			if (!isMapping(actual)) return wrongType(actual, 'a mapping');
			return {
				holds: partialMatch(actual, content),
				failure: {
					actual: { value: actual },
					diff: { expected: content, actual: projectOnto(actual, content), actualName: 'Actual (keys of the expected content only)' },
				},
			};
		});
		return { ...findings, expected: { words: 'to include', value: content } };
	},
};
