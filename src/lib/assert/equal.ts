import { forDisplay, resolveExpected, sameValue } from './expected-value.ts';
import { observeEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The value at the path equals `value` (or the value `valueFrom` points at): mappings compare
 * without regard to key order, sequences in order unless `ignoreOrder`. Types matter: `"3"` is
 * not `3`. For an indefinite path every match must be equal. With `not: true` every match must
 * differ, and the path must still exist, so that a typo in the path cannot pass.
 */
export const equal: Validator<'equal'> = {
	label: (body) => pathLabel('equal', body),
	validate(body, manifest) {
		const expected = resolveExpected(body, manifest);
		if (!expected.ok) {
			return { observations: [{ undecided: 'error', failure: { error: expected.message } }], documents: expected.documents };
		}
		const ignoreOrder = body.ignoreOrder ?? false;
		const shownExpected = forDisplay(expected.value, ignoreOrder);
		const notes = ignoreOrder ? ['(ignoreOrder: sequences are compared as multisets and shown sorted)'] : undefined;
		const findings = observeEachMatch(manifest, body.document, body.path, (actual) => {
			const shownActual = forDisplay(actual, ignoreOrder);
			return {
				holds: sameValue(actual, expected.value, ignoreOrder),
				failure: { actual: { value: shownActual }, diff: { expected: shownExpected, actual: shownActual }, notes },
			};
		});
		return {
			...findings,
			expected: { words: expected.from && `(valueFrom ${expected.from})`, value: shownExpected },
			documents: [...new Set([...findings.documents, ...expected.documents])],
		};
	},
};
