import type { RenderedDocument } from '../render/types.ts';

export interface Excerpt {
	yaml: string;
	trimmed: boolean;
}

/**
 * A short excerpt of a rendered document for the page. Long block scalars (embedded config
 * files) are cut first, then the document itself, so the reader sees the resource's shape.
 */
export function excerptOf(document: RenderedDocument, maxLines = 48, maxBlockLines = 12): Excerpt {
	const lines = document.text.replace(/^# Source:.*\n/, '').trimEnd().split('\n');
	const kept: string[] = [];
	let trimmed = false;
	let i = 0;
	while (i < lines.length) {
		const line = lines[i]!;
		kept.push(line);
		i++;
		if (/:\s*[|>][-+0-9]*\s*$/.test(line)) {
			const indent = line.search(/\S/);
			let end = i;
			while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.search(/\S/) > indent)) end++;
			const block = lines.slice(i, end);
			if (block.length > maxBlockLines) {
				kept.push(...block.slice(0, maxBlockLines));
				const pad = ' '.repeat((block[0]!.search(/\S/) === -1 ? indent + 2 : block[0]!.search(/\S/)));
				kept.push(`${pad}# … ${block.length - maxBlockLines} more lines`);
				trimmed = true;
			} else {
				kept.push(...block);
			}
			i = end;
		}
	}
	if (kept.length > maxLines) {
		const rest = kept.length - maxLines;
		kept.length = maxLines;
		kept.push(`# … ${rest} more lines`);
		trimmed = true;
	}
	return { yaml: `${kept.join('\n')}\n`, trimmed };
}
