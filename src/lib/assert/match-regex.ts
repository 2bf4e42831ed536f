import { compilePattern, showPattern } from './regex.ts';
import { observeEachMatch, pathLabel, wrongType, type Validator } from './validator.ts';

/**
 * The value at the path is a string in which `pattern` is found (not anchored; see
 * compilePattern); with `not: true`, one in which it is not. Numbers and other non-strings fail
 * either way. Every match of an indefinite path must match (or, negated, not match).
 */
export const matchRegex: Validator<'matchRegex'> = {
	label: (body) => pathLabel('matchRegex', body),
	validate(body, manifest) {
		const pattern = compilePattern(body.pattern);
		const findings = observeEachMatch(manifest, body.document, body.path, (actual) => {
			if (typeof actual !== 'string') return wrongType(actual, 'a string');
			return { holds: pattern.test(actual), failure: { actual: { value: actual } } };
		});
		return { ...findings, expected: { words: 'to match', inline: showPattern(body.pattern) } };
	},
};
