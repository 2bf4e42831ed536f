import { diffSection, lines, toYaml, yamlSection } from './format.ts';
import { describeType, isMapping, partialMatch, projectOnto } from './values.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The mapping at the path includes `content`: every key of content is present and matches
 * partially (see partialMatch: nested mappings partially, sequences element by element with the
 * same length, scalars by equality). For an indefinite path every match must include it.
 */
export const isSubset: Validator<'isSubset'> = {
	label: (body) => pathLabel('isSubset', body),
	validate(body, manifest) {
		if (!isMapping(body.content)) {
			return {
				passed: false,
				message: `isSubset needs a mapping as content, found ${describeType(body.content)}; use equal or contains instead.`,
				documents: [],
			};
		}
		const content = body.content;
		return checkEachMatch(manifest, body.document, body.path, (actual) => {
			if (!isMapping(actual)) {
				return lines([`Expected a mapping, found ${describeType(actual)}.`, yamlSection('Actual', actual)]);
			}
			if (partialMatch(actual, content)) return undefined;
			return lines([
				yamlSection('Expected to include', content),
				yamlSection('Actual', actual),
				diffSection(toYaml(content), toYaml(projectOnto(actual, content)), {
					expected: 'Expected',
					actual: 'Actual (keys of the expected content only)',
				}),
			]);
		});
	},
};
