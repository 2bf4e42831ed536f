import { CasebookError } from '../errors.ts';
import type { Snippet } from './snippets.ts';

/**
 * The anchor a heading gets, as Starlight's GitHub-style slugger makes it for plain text:
 * lower case, punctuation dropped, spaces to hyphens.
 */
export function headingAnchor(text: string): string {
	return text
		.replace(/`/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** Headings of a Markdown body outside fences, with their file lines. */
export function findHeadings(body: string, firstLine: number): Array<{ text: string; line: number }> {
	const headings: Array<{ text: string; line: number }> = [];
	let fence: string | undefined;
	body.split(/\r?\n/).forEach((line, i) => {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
			fence = fence ? undefined : marker;
			return;
		}
		const heading = !fence && /^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) headings.push({ text: heading[1]!, line: firstLine + i });
	});
	return headings;
}

/** A snippet anchor equal to a heading anchor would give the page two elements with one id. */
export function checkAnchorCollisions(snippets: Snippet[], body: string, bodyLine: number, file: string): void {
	const headings = new Map(findHeadings(body, bodyLine).map((h) => [headingAnchor(h.text), h]));
	for (const snippet of snippets) {
		const heading = snippet.id && headings.get(snippet.id);
		if (heading) {
			throw new CasebookError(`snippet id "${snippet.id}" is also the anchor of the heading at line ${heading.line}`, {
				file,
				line: snippet.line,
				expected: 'a snippet id that differs from every heading anchor on the page',
				found: `## ${heading.text}`,
			});
		}
	}
}
