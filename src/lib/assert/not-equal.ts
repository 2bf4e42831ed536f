import { lines, yamlSection } from './format.ts';
import { resolveExpected, sameValue } from './expected-value.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The value at the path differs from `value` (or `valueFrom`), with equal's notion of equality.
 * The path must exist: a missing value fails, so that a typo in the path cannot pass.
 */
export const notEqual: Validator<'notEqual'> = {
	label: (body) => pathLabel('notEqual', body),
	validate(body, manifest) {
		const expected = resolveExpected(body, manifest);
		if (!expected.ok) return { passed: false, message: expected.message, documents: expected.documents };
		const ignoreOrder = body.ignoreOrder ?? false;
		const verdict = checkEachMatch(
			manifest,
			body.document,
			body.path,
			(actual) => {
				if (!sameValue(actual, expected.value, ignoreOrder)) return undefined;
				const label = expected.label.replace(/^Expected/, 'Expected not to equal');
				return lines([yamlSection(label, expected.value), yamlSection('Actual', actual)]);
			},
			{ missingHint: 'notEqual needs the value to exist; use notExists to assert that it is absent.' },
		);
		return { ...verdict, documents: [...new Set([...verdict.documents, ...expected.documents])] };
	},
};
