import { documentCount, documentList, documentRef } from './format.ts';
import { describeSelector, selectDocuments, type DocumentFilter } from './select.ts';
import { documentsOf, type BodyOf, type Validator } from './validator.ts';

/**
 * Exactly `count` documents match kind, name, nameRegex and source (each optional); with
 * `not: true`, any other number.
 */
export const hasDocuments: Validator<'hasDocuments'> = {
	label: (body) => `hasDocuments ${describeSelector(filterOf(body))} count ${body.count}`,
	validate(body, manifest) {
		const selected = selectDocuments(documentsOf(manifest), filterOf(body));
		const actual =
			selected.length === 0 ? { inline: documentCount(0) } : { inline: documentCount(selected.length), text: documentList(selected) };
		return {
			expected: { inline: `${documentCount(body.count)} matching ${describeSelector(filterOf(body))}` },
			observations: [{ holds: selected.length === body.count, failure: { actual } }],
			documents: selected.map(documentRef),
		};
	},
};

function filterOf(body: BodyOf<'hasDocuments'>): DocumentFilter {
	const { count: _count, not: _not, ...filter } = body;
	return filter;
}
