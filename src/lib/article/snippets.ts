import { MetaOptions } from '@expressive-code/core';
import { CasebookError } from '../errors.ts';
import { parseLocatedYaml } from '../yaml/located.ts';
import type { CodeBlock, RawCodeElement } from './parse.ts';

export interface Snippet {
	id?: string;
	lang: string;
	title?: string;
	illustrative: boolean;
	/** 1-based line of the opening fence. */
	line: number;
	/** 1-based line of the first content line. */
	contentLine: number;
	text: string;
}

const SNIPPET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YAML_LANGS = new Set(['yaml', 'yml']);

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

/** Reads the code blocks of an article into snippets, rejecting malformed or duplicate ids. */
export function readSnippets(blocks: CodeBlock[], file: string): Snippet[] {
	const seen = new Map<string, number>();
	return blocks.map((fence) => {
		if (!fence.fenced) {
			throw new CasebookError('an indented code block cannot say whether it is checked or illustrative', {
				file,
				line: fence.line,
				expected: 'a fenced block (```yaml id="..." or ```bash illustrative)',
				found: 'a block indented by four spaces',
			});
		}
		const attributes = fenceAttributes(fence.meta);
		if (attributes.errors.length) {
			throw new CasebookError(`cannot read the code fence attributes: ${attributes.errors.join('; ')}`, {
				file,
				line: fence.line,
				found: fence.meta,
			});
		}
		const { id } = attributes;
		if (id !== undefined) {
			if (!SNIPPET_ID.test(id)) {
				throw new CasebookError(`snippet id "${id}" is not usable as an anchor and file name`, {
					file,
					line: fence.line,
					expected: 'lower-case words joined by "-", e.g. id="restore-ingester"',
					found: `id="${id}"`,
				});
			}
			const earlier = seen.get(id);
			if (earlier !== undefined) {
				throw new CasebookError(`duplicate snippet id "${id}" (first used at line ${earlier})`, {
					file,
					line: fence.line,
					expected: 'snippet ids unique within the page',
				});
			}
			seen.set(id, fence.line);
		}
		return {
			id,
			lang: fence.lang,
			title: attributes.title,
			illustrative: attributes.illustrative,
			line: fence.line,
			contentLine: fence.contentLine,
			text: fence.text,
		};
	});
}

export function isYaml(snippet: Snippet): boolean {
	return YAML_LANGS.has(snippet.lang.toLowerCase());
}

/** The file name a reader saves the snippet under; reproduce commands pass it with `-f`. */
export function snippetFileName(snippet: Snippet & { id: string }): string {
	const extension = isYaml(snippet) ? 'yaml' : snippet.lang === 'bash' || snippet.lang === 'sh' ? 'sh' : 'txt';
	return `${snippet.id}.${extension}`;
}

/**
 * The rule that keeps unverified config off the site: every fence is either applied by a check
 * or explicitly illustrative. Values snippets must also be YAML maps a chart can take.
 */
export function checkSnippetUsage(
	snippets: Snippet[],
	usedIds: Map<string, { file: string; line: number }>,
	file: string,
): void {
	const byId = new Map(snippets.filter((s) => s.id).map((s) => [s.id!, s]));
	for (const [id, where] of usedIds) {
		const snippet = byId.get(id);
		if (!snippet) {
			throw new CasebookError(`a check applies snippet "${id}", but the article has no fence with that id`, {
				...where,
				expected: `a fence such as \`\`\`yaml id="${id}"`,
				found: byId.size ? `snippet ids: ${[...byId.keys()].join(', ')}` : 'no snippet ids',
			});
		}
		if (snippet.illustrative) {
			throw new CasebookError(`a check applies snippet "${id}", which is marked illustrative`, {
				...where,
				expected: 'values snippets that are verified (drop "illustrative" from the fence)',
				found: `fence at line ${snippet.line}`,
			});
		}
		if (!isYaml(snippet)) {
			throw new CasebookError(`a check applies snippet "${id}" as values, but it is not YAML`, {
				file,
				line: snippet.line,
				expected: 'a ```yaml fence',
				found: `\`\`\`${snippet.lang || '(no language)'}`,
			});
		}
		checkValuesYaml(snippet, file);
	}
	for (const snippet of snippets) {
		if (snippet.illustrative) continue;
		if (!snippet.id) {
			throw new CasebookError('this snippet is neither checked nor marked illustrative', {
				file,
				line: snippet.line,
				expected: 'an id applied by a check (id="...") or the "illustrative" attribute',
				found: `\`\`\`${[snippet.lang, snippet.title ? `title="${snippet.title}"` : ''].filter(Boolean).join(' ')}`,
			});
		}
		if (!usedIds.has(snippet.id)) {
			throw new CasebookError(`snippet "${snippet.id}" is not used by any check`, {
				file,
				line: snippet.line,
				expected: `a check with values: [${snippet.id}], or the "illustrative" attribute`,
				found: 'no check applies it',
			});
		}
	}
}

function checkValuesYaml(snippet: Snippet, file: string): void {
	const value = parseLocatedYaml(snippet.text, {
		file,
		firstLine: snippet.contentLine,
		uniqueKeys: true,
		what: `in snippet "${snippet.id}"`,
	}).data;
	if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
		throw new CasebookError(`snippet "${snippet.id}" is not a values map`, {
			file,
			line: snippet.contentLine,
			expected: 'a YAML mapping of chart values',
			found: Array.isArray(value) ? 'a list' : typeof value,
		});
	}
}

/**
 * Code shown with `<pre>`, `<code>` or `<Code>` in a case article escapes every check: refused at
 * its line, with what the author should write instead.
 */
export function refuseRawCode(rawCode: readonly RawCodeElement[], file: string, expected: string): void {
	const raw = rawCode[0];
	if (!raw) return;
	throw new CasebookError(`<${raw.name}> shows code that no check can see`, { file, line: raw.line, expected, found: `<${raw.name}>` });
}
