import type { DocumentSelector } from '../case/expectation-schema.ts';
import type { RenderedDocument } from '../render/types.ts';
import { compilePattern } from './regex.ts';

/** Every way of narrowing documents; all fields optional, all given fields must hold. */
export interface DocumentFilter {
	kind?: string;
	name?: string;
	/** Searched in metadata.name, not anchored: write `^…$` for a whole-name match. */
	nameRegex?: string;
	/** Equal to the `# Source:` path, or a suffix of it after a `/`. */
	source?: string;
	namespace?: string;
}

export function toFilter(selector: DocumentSelector | DocumentFilter): DocumentFilter {
	if (typeof selector !== 'string') return selector;
	const slash = selector.indexOf('/');
	return { kind: selector.slice(0, slash), name: selector.slice(slash + 1) };
}

/**
 * The documents a selector picks, in render order. `"Kind/name"` matches kind and metadata.name
 * exactly. Throws CasebookError for an invalid nameRegex.
 */
export function selectDocuments<T extends RenderedDocument>(
	documents: readonly T[],
	selector: DocumentSelector | DocumentFilter,
): T[] {
	const filter = toFilter(selector);
	const nameRegex = filter.nameRegex === undefined ? undefined : compilePattern(filter.nameRegex, 'nameRegex');
	return documents.filter(
		(document) =>
			(filter.kind === undefined || document.kind === filter.kind) &&
			(filter.name === undefined || document.name === filter.name) &&
			(nameRegex === undefined || nameRegex.test(document.name)) &&
			(filter.source === undefined || sourceMatches(document.source, filter.source)) &&
			(filter.namespace === undefined || document.namespace === filter.namespace),
	);
}

/** Whether one document is picked by the selector (see selectDocuments). */
export function matchesSelector(selector: DocumentSelector | DocumentFilter, document: RenderedDocument): boolean {
	return selectDocuments([document], selector).length === 1;
}

/**
 * `templates/extra-manifests.yaml` matches `tempo-distributed/templates/extra-manifests.yaml`
 * (and a subchart's `tempo/charts/x/templates/extra-manifests.yaml`), but `manifests.yaml` does
 * not match `extra-manifests.yaml`.
 */
export function sourceMatches(documentSource: string | undefined, source: string): boolean {
	if (documentSource === undefined) return false;
	const wanted = source.replace(/^\.?\//, '');
	return documentSource === wanted || documentSource.endsWith(`/${wanted}`);
}

/** How a selector reads in labels and messages: `StatefulSet/t-tempo-ingester`, or `ConfigMap [source …]`. */
export function describeSelector(selector: DocumentSelector | DocumentFilter): string {
	if (typeof selector === 'string') return selector;
	const details = [
		selector.kind === undefined && selector.name !== undefined ? `name ${selector.name}` : undefined,
		selector.nameRegex !== undefined ? `name matching /${selector.nameRegex}/` : undefined,
		selector.source !== undefined ? `source ${selector.source}` : undefined,
		selector.namespace !== undefined ? `namespace ${selector.namespace}` : undefined,
	].filter((detail) => detail !== undefined);
	if (selector.kind === undefined) return details.length === 0 ? 'all documents' : `documents with ${details.join(', ')}`;
	const base = selector.name === undefined ? selector.kind : `${selector.kind}/${selector.name}`;
	return details.length === 0 ? base : `${base} [${details.join(', ')}]`;
}
