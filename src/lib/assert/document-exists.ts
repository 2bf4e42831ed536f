import { documentRef } from './format.ts';
import { describeSelector, selectDocuments } from './select.ts';
import { documentsOf, noDocumentMessage, type Validator } from './validator.ts';

/** At least one document matches the selector. */
export const documentExists: Validator<'documentExists'> = {
	label: (selector) => `documentExists ${describeSelector(selector)}`,
	validate(selector, manifest) {
		const selected = selectDocuments(documentsOf(manifest), selector);
		if (selected.length > 0) return { passed: true, documents: selected.map(documentRef) };
		return { passed: false, message: noDocumentMessage(manifest, selector), documents: [] };
	},
};
