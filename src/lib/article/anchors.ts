import { CasebookError } from '../errors.ts';
import type { Heading } from './parse.ts';
import type { Snippet } from './snippets.ts';

/** A snippet anchor equal to a heading anchor would give the page two elements with one id. */
export function checkAnchorCollisions(snippets: Snippet[], headings: Heading[], file: string): void {
	const byAnchor = new Map(headings.map((heading) => [heading.anchor, heading]));
	for (const snippet of snippets) {
		const heading = snippet.id && byAnchor.get(snippet.id);
		if (heading) {
			throw new CasebookError(`snippet id "${snippet.id}" is also the anchor of the heading at line ${heading.line}`, {
				file,
				line: snippet.line,
				expected: 'a snippet id that differs from every heading anchor on the page',
				found: `${'#'.repeat(heading.depth)} ${heading.text}`,
			});
		}
	}
}
