import { documentHeading, documentRef, indent } from './format.ts';
import { describeSelector, selectDocuments, type DocumentFilter } from './select.ts';
import { documentsOf, type BodyOf, type Validator } from './validator.ts';

/** Exactly `count` documents match kind, name, nameRegex and source (each optional). */
export const hasDocuments: Validator<'hasDocuments'> = {
	label: (body) => `hasDocuments ${describeSelector(filterOf(body))} count ${body.count}`,
	validate(body, manifest) {
		const selected = selectDocuments(documentsOf(manifest), filterOf(body));
		const documents = selected.map(documentRef);
		if (selected.length === body.count) return { passed: true, documents };
		const found = selected.map((document) => indent(documentHeading(document).replace(/^Document: /, '')));
		return {
			passed: false,
			message: [
				`Expected ${plural(body.count)} matching ${describeSelector(filterOf(body))}, found ${selected.length}${found.length > 0 ? ':' : '.'}`,
				...found,
			].join('\n'),
			documents,
		};
	},
};

function filterOf(body: BodyOf<'hasDocuments'>): DocumentFilter {
	const { count: _count, ...filter } = body;
	return filter;
}

function plural(n: number): string {
	return n === 1 ? '1 document' : `${n} documents`;
}
