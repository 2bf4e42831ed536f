import { documentHeading, documentRef, indent } from './format.ts';
import { describeSelector, selectDocuments } from './select.ts';
import { documentsOf, type Validator } from './validator.ts';

/** No document matches the selector. */
export const documentNotExists: Validator<'documentNotExists'> = {
	label: (selector) => `documentNotExists ${describeSelector(selector)}`,
	validate(selector, manifest) {
		const selected = selectDocuments(documentsOf(manifest), selector);
		const documents = selected.map(documentRef);
		if (selected.length === 0) return { passed: true, documents };
		const found = selected.map((document) => indent(documentHeading(document).replace(/^Document: /, ''))).join('\n');
		return {
			passed: false,
			message: `Expected no document to match ${describeSelector(selector)}, found ${count(selected.length)}:\n${found}`,
			documents,
		};
	},
};

function count(n: number): string {
	return n === 1 ? '1 document' : `${n} documents`;
}
