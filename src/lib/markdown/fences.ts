import { MetaOptions } from '@expressive-code/core';

/** A fenced code block as an author wrote it, with the lines needed for error messages. */
export interface Fence {
	/** First word of the info string, e.g. `yaml`; empty when none. */
	lang: string;
	/** The rest of the info string, e.g. `title="values.yaml" id="restore-ingester"`. */
	meta: string;
	/** 1-based line of the opening fence. */
	line: number;
	/** 1-based line of the first content line. */
	contentLine: number;
	/** Content without the fences, each line with the fence's indentation removed. */
	text: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Finds the fenced code blocks of a CommonMark / MDX document. `firstLine` is the 1-based line
 * number of `source`'s first line, so that a body split off after frontmatter keeps the file's
 * numbering.
 */
export function findFences(source: string, firstLine = 1): Fence[] {
	const lines = source.split(/\r?\n/);
	const fences: Fence[] = [];
	for (let i = 0; i < lines.length; i++) {
		const open = OPENING.exec(lines[i]!);
		if (!open) continue;
		const [, indent, marker, info] = open as unknown as [string, string, string, string];
		// A backtick fence's info string may not contain backticks (that is inline code).
		if (marker[0] === '`' && info.includes('`')) continue;
		const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
		let end = i + 1;
		while (end < lines.length && !closing.test(lines[end]!)) end++;
		const body = lines.slice(i + 1, end).map((l) => stripIndent(l, indent.length));
		const trimmedInfo = info.trim();
		const space = trimmedInfo.search(/\s/);
		fences.push({
			lang: space === -1 ? trimmedInfo : trimmedInfo.slice(0, space),
			meta: space === -1 ? '' : trimmedInfo.slice(space + 1).trim(),
			line: firstLine + i,
			contentLine: firstLine + i + 1,
			text: body.length ? `${body.join('\n')}\n` : '',
		});
		i = end;
	}
	return fences;
}

function stripIndent(line: string, width: number): string {
	let removed = 0;
	while (removed < width && line[removed] === ' ') removed++;
	return line.slice(removed);
}

/** The fence attributes this project reads, parsed exactly as Expressive Code parses them. */
export interface FenceAttributes {
	id?: string;
	title?: string;
	illustrative: boolean;
	errors: string[];
}

export function fenceAttributes(meta: string): FenceAttributes {
	const options = new MetaOptions(meta);
	return {
		id: options.getString('id'),
		title: options.getString('title'),
		illustrative: options.getBoolean('illustrative') ?? false,
		errors: options.errors ?? [],
	};
}
