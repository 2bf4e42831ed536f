import { diffSection, lines, toYaml, yamlSection } from './format.ts';
import { forDisplay, resolveExpected, sameValue } from './expected-value.ts';
import { checkEachMatch, pathLabel, type Validator } from './validator.ts';

/**
 * The value at the path equals `value` (or the value `valueFrom` points at): mappings compare
 * without regard to key order, sequences in order unless `ignoreOrder`. Types matter: `"3"` is
 * not `3`. For an indefinite path every match must be equal.
 */
export const equal: Validator<'equal'> = {
	label: (body) => pathLabel('equal', body),
	validate(body, manifest) {
		const expected = resolveExpected(body, manifest);
		if (!expected.ok) return { passed: false, message: expected.message, documents: expected.documents };
		const ignoreOrder = body.ignoreOrder ?? false;
		const verdict = checkEachMatch(manifest, body.document, body.path, (actual) => {
			if (sameValue(actual, expected.value, ignoreOrder)) return undefined;
			const shownExpected = forDisplay(expected.value, ignoreOrder);
			const shownActual = forDisplay(actual, ignoreOrder);
			return lines([
				yamlSection(expected.label, shownExpected),
				yamlSection('Actual', shownActual),
				diffSection(toYaml(shownExpected), toYaml(shownActual)),
				ignoreOrder ? '(ignoreOrder: sequences are compared as multisets and shown sorted)' : undefined,
			]);
		});
		return { ...verdict, documents: [...new Set([...verdict.documents, ...expected.documents])] };
	},
};
