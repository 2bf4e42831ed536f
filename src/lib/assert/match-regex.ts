import { lines, yamlSection } from './format.ts';
import { compilePattern, showPattern } from './regex.ts';
import { describeType } from './values.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The value at the path is a string in which `pattern` is found (not anchored; see
 * compilePattern). Numbers and other non-strings fail. Every match of an indefinite path must
 * match.
 */
export const matchRegex: Validator<'matchRegex'> = {
	label: (body) => pathLabel('matchRegex', body),
	validate(body, manifest) {
		const pattern = compilePattern(body.pattern);
		return checkEachMatch(manifest, body.document, body.path, (actual) => {
			if (typeof actual !== 'string') return notAString(actual);
			if (pattern.test(actual)) return undefined;
			return lines([`Expected to match:\n  ${showPattern(body.pattern)}`, yamlSection('Actual', actual)]);
		});
	},
};

export function notAString(actual: unknown): string {
	return lines([`Expected a string, found ${describeType(actual)}.`, yamlSection('Actual', actual)]);
}
