import { lines, yamlSection } from './format.ts';
import { notAString } from './match-regex.ts';
import { compilePattern, showPattern } from './regex.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The value at the path is a string in which `pattern` is not found. Non-strings and a missing
 * path fail. Every match of an indefinite path must not match.
 */
export const notMatchRegex: Validator<'notMatchRegex'> = {
	label: (body) => pathLabel('notMatchRegex', body),
	validate(body, manifest) {
		const pattern = compilePattern(body.pattern);
		return checkEachMatch(
			manifest,
			body.document,
			body.path,
			(actual) => {
				if (typeof actual !== 'string') return notAString(actual);
				if (!pattern.test(actual)) return undefined;
				return lines([`Expected not to match:\n  ${showPattern(body.pattern)}`, yamlSection('Actual', actual)]);
			},
			{ missingHint: 'notMatchRegex needs the value to exist; use notExists to assert that it is absent.' },
		);
	},
};
