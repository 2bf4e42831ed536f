import { documentCount, documentList, documentRef } from './format.ts';
import { describeSelector, selectDocuments } from './select.ts';
import { documentsOf, similarDocuments, type Validator } from './validator.ts';

/** At least one document matches the selector; with `not: true`, none does. */
export const documentExists: Validator<'documentExists'> = {
	label: (body) => `documentExists ${describeSelector(body.document)}`,
	validate(body, manifest) {
		const selected = selectDocuments(documentsOf(manifest), body.document);
		const document = describeSelector(body.document);
		const failure =
			selected.length > 0
				? { document, actual: { inline: documentCount(selected.length), text: documentList(selected) } }
				: { document, actual: { inline: 'no document matches' }, notes: similarDocuments(manifest, body.document) };
		return {
			expected: { words: 'to exist' },
			observations: [{ holds: selected.length > 0, failure }],
			documents: selected.map(documentRef),
		};
	},
};
