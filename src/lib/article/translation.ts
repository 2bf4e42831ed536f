import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { z } from 'zod';
import type { Case } from '../case/schema.ts';
import { textOnlyStarlightFields } from '../case/starlight-fields.ts';
import { translateCase, translatedCaseSchema, translationSchema, type Translation } from '../case/translation.ts';
import { CasebookError } from '../errors.ts';
import type { Locale } from '../i18n/locales.ts';
import { schemaError } from '../schema-error.ts';
import { parseLocatedYaml } from '../yaml/located.ts';
import { checkEvidenceMarks } from './evidence.ts';
import { checksFileOf } from './files.ts';
import type { CaseArticle } from './load.ts';
import { markdownFormat, parseMarkdown, type Heading, type ParsedMarkdown } from './parse.ts';
import { contentSlug } from './slug.ts';
import { readSnippets, refuseRawCode, type Snippet } from './snippets.ts';

/**
 * A translated case article (`content/docs/zh-cn/<product>/<slug>.mdx`): the words of its English
 * source in another language, over the source's case, checks and snippets. Everything a check can
 * see must be the source's: the same fences with byte-identical code, the same checks cited, the
 * same components and the same heading outline (each heading takes the anchor of the English
 * heading at its position, so `#fix` works in both languages). A translation made from an older
 * English text still builds, with a warning and a notice on the page.
 */

export interface TranslationArticle {
	/** Path of the MDX file relative to the project root, with `/` separators. */
	file: string;
	/** Site slug, e.g. `zh-cn/tempo/ingester-statefulset-missing`. */
	slug: string;
	locale: Locale;
	title: string;
	description?: string;
	translation: Translation;
	/** The source's case with the translated words in place. */
	case: Case;
	source: CaseArticle;
	/** The English article changed since the translation was made. */
	stale: boolean;
	/** Line of `translation.source`, for the stale warning. */
	sourceLine: number;
	/** The translated headings, each with the anchor of the English heading at its position. */
	headings: Heading[];
}

const pageSchema = z.object({
	title: z.string().min(1),
	description: z.string().optional(),
	...textOnlyStarlightFields,
});

export interface TranslationSources {
	/** English case articles by path relative to the content folder (`tempo/x.mdx`). */
	byPath: ReadonlyMap<string, CaseArticle>;
	byId: ReadonlyMap<string, CaseArticle>;
}

/**
 * Reads a page of a translation locale. A page without `translation:` is a page of its own (the
 * home or about page) and gives undefined; a case page must say which case it translates.
 * Inconsistencies are thrown; a stale translation is returned with `stale` and reported by
 * staleTranslationWarning.
 */
export async function loadTranslation(
	path: string,
	where: { projectRoot: string; contentRoot: string; locale: Locale; sourcePath: string },
	sources: TranslationSources,
): Promise<TranslationArticle | undefined> {
	const file = toPosix(relative(where.projectRoot, path));
	const text = await readFile(path, 'utf8');
	const markdown = parseMarkdown(text, markdownFormat(path));
	if (!markdown.frontmatter) {
		throw new CasebookError('the article has no frontmatter', { file, line: 1, expected: 'a first line "---" opening the YAML frontmatter' });
	}
	const frontmatter = parseLocatedYaml(markdown.frontmatter.text, { file, firstLine: markdown.frontmatter.firstLine, what: 'in the frontmatter' });
	const data = asRecord(frontmatter.data);
	const locate = (dataPath: ReadonlyArray<PropertyKey>) => ({ file, line: frontmatter.lineOf(dataPath) });
	const page = pageSchema.safeParse(data);
	if (!page.success) throw schemaError(page.error, { what: 'frontmatter', data, locate });

	if (data.translation === undefined) {
		if (data.case !== undefined) {
			throw new CasebookError(`a case page in ${where.locale.dir}/ translates an English case and shares its checks`, {
				...locate(['case']),
				expected: 'translation: { of: <English case id>, source: <sha256 of the English .mdx> } and only the translated words under case:',
				found: 'a case: block without translation:',
			});
		}
		return undefined;
	}
	const parsedTranslation = translationSchema.safeParse(data.translation);
	if (!parsedTranslation.success) throw schemaError(prefixed(parsedTranslation.error, 'translation'), { what: 'frontmatter', data, locate });
	const translation = parsedTranslation.data;

	const source = sources.byId.get(translation.of);
	if (!source) {
		throw new CasebookError(`translation.of names case "${translation.of}", which no English article declares`, {
			...locate(['translation', 'of']),
			expected: `one of: ${[...sources.byId.keys()].sort().join(', ')}`,
			found: translation.of,
		});
	}
	const atPath = sources.byPath.get(where.sourcePath);
	if (atPath !== source) {
		throw new CasebookError(`a translation lives at the path of its English article (the same product folder and slug)`, {
			...locate(['translation', 'of']),
			expected: `${where.locale.dir}/${relativeToContent(source, where)} for case "${translation.of}"`,
			found: atPath ? `${file}, the path of case "${atPath.case.id}"` : `${file}, where no English case lives`,
		});
	}
	const checksPath = checksFileOf(path);
	if (existsSync(checksPath)) {
		throw new CasebookError('a translation has no checks file: it shares the checks of its English article', {
			file: toPosix(relative(where.projectRoot, checksPath)),
			line: 1,
			expected: `no file here; checks live in ${source.checksFile}`,
		});
	}

	const parsedCase = translatedCaseSchema.optional().safeParse(data.case);
	if (!parsedCase.success) throw schemaError(prefixed(parsedCase.error, 'case'), { what: 'frontmatter', data, locate });
	const translated = parsedCase.data;
	checkTranslatedCase(translated, source, locate);

	const snippets = readSnippets(markdown.codeBlocks, file);
	checkSnippets(snippets, source, file);
	checkEvidenceMarks(markdown.evidence, source.case, file);
	checkCitations(markdown, source, file);
	checkComponents(markdown, source, file);
	const headings = translatedHeadings(markdown.headings, source, file);
	refuseRawCode(markdown.rawCode, file, 'a fenced code block with the same id as in the English article');

	return {
		file,
		slug: contentSlug(toPosix(relative(where.contentRoot, path)), data.slug),
		locale: where.locale,
		title: page.data.title,
		description: page.data.description,
		translation,
		case: translateCase(source.case, translated),
		source,
		stale: translation.source !== source.fileHash,
		sourceLine: frontmatter.lineOf(['translation', 'source']),
		headings,
	};
}

/** The warning a stale translation gets: the build goes on, the page says it may be out of date. */
export function staleTranslationWarning(article: TranslationArticle): CasebookError {
	return new CasebookError(`the translation may be out of date: ${article.source.file} changed after it was translated`, {
		file: article.file,
		line: article.sourceLine,
		expected: `translation.source: ${article.source.fileHash} (after bringing the translation up to date)`,
		found: article.translation.source,
	});
}

type Locate = (path: ReadonlyArray<PropertyKey>) => { file: string; line: number };

function checkTranslatedCase(translated: z.output<typeof translatedCaseSchema> | undefined, source: CaseArticle, locate: Locate): void {
	const english = source.case;
	if (english.answer && !translated?.answer) {
		throw new CasebookError('the English case has an answer block; its translation must translate it', {
			...locate(translated ? ['case'] : []),
			expected: 'case.answer with who, action and confirm texts',
			found: 'no case.answer',
		});
	}
	if (!english.answer && translated?.answer) {
		throw new CasebookError('case.answer translates an answer the English case does not have', { ...locate(['case', 'answer']) });
	}
	if (!english.pitfall && translated?.pitfall) {
		throw new CasebookError('case.pitfall translates a pitfall the English case does not have', { ...locate(['case', 'pitfall']) });
	}
	if (english.pitfall && !translated?.pitfall) {
		throw new CasebookError('the English case has a pitfall block; its translation must translate it', {
			...locate(translated ? ['case'] : []),
			expected: `case.pitfall with setting and ${english.pitfall.instead.length} instead entries`,
			found: 'no case.pitfall',
		});
	}
	if (english.pitfall && translated?.pitfall && translated.pitfall.instead.length !== english.pitfall.instead.length) {
		throw new CasebookError('case.pitfall.instead has a different number of entries than the English case', {
			...locate(['case', 'pitfall', 'instead']),
			expected: `${english.pitfall.instead.length}, in the English order (checks: ${english.pitfall.instead.map((e) => e.check).join(', ')})`,
			found: String(translated.pitfall.instead.length),
		});
	}
}

/** A fence's identity across languages: its id, or for a fence without one, illustrative and its position. */
function fenceKey(snippet: Snippet, index: number): string {
	return snippet.id ?? `(fence ${index + 1} without id)`;
}

function checkSnippets(snippets: Snippet[], source: CaseArticle, file: string): void {
	const english = source.snippets;
	const englishIds = new Set(english.flatMap((s) => (s.id ? [s.id] : [])));
	const ids = new Set(snippets.flatMap((s) => (s.id ? [s.id] : [])));
	for (const snippet of snippets) {
		if (snippet.id && !englishIds.has(snippet.id)) {
			throw new CasebookError(`snippet "${snippet.id}" is not in the English article, so no check applies it`, {
				file,
				line: snippet.line,
				expected: `one of the English snippet ids: ${[...englishIds].join(', ') || 'none'}`,
				found: `id="${snippet.id}"`,
			});
		}
	}
	for (const snippet of english) {
		if (snippet.id && !ids.has(snippet.id)) {
			throw new CasebookError(`the translation misses snippet "${snippet.id}" of the English article`, {
				file,
				line: 1,
				expected: `the fence id="${snippet.id}" (${source.file}:${snippet.line}), code unchanged`,
				found: 'no fence with that id',
			});
		}
	}
	const order = snippets.map(fenceKey);
	const englishOrder = english.map(fenceKey);
	if (order.join('\n') !== englishOrder.join('\n')) {
		const at = order.findIndex((key, i) => key !== englishOrder[i]);
		throw new CasebookError('the code blocks are not in the order of the English article', {
			file,
			line: snippets[at]?.line ?? snippets.at(-1)?.line ?? 1,
			expected: englishOrder.join(', '),
			found: order.join(', '),
		});
	}
	snippets.forEach((snippet, i) => {
		const original = english[i]!;
		if (snippet.lang !== original.lang || snippet.illustrative !== original.illustrative) {
			throw new CasebookError(`the fence of ${fenceKey(snippet, i)} differs from the English one (only title="..." may be translated)`, {
				file,
				line: snippet.line,
				expected: `\`\`\`${original.lang}${original.illustrative ? ' illustrative' : ''} (${source.file}:${original.line})`,
				found: `\`\`\`${snippet.lang}${snippet.illustrative ? ' illustrative' : ''}`,
			});
		}
		if (snippet.text !== original.text) {
			const lines = snippet.text.split('\n');
			const englishLines = original.text.split('\n');
			const differs = Math.max(0, lines.findIndex((line, j) => line !== englishLines[j]));
			throw new CasebookError(`the code of ${fenceKey(snippet, i)} differs from the English article's: code is never translated`, {
				file,
				line: snippet.contentLine + differs,
				expected: JSON.stringify(englishLines[differs] ?? '(end of block)'),
				found: JSON.stringify(lines[differs] ?? '(end of block)'),
			});
		}
	});
}

/** The checks and upstream sources the body cites are the English body's, every one of them. */
function checkCitations(markdown: ParsedMarkdown, source: CaseArticle, file: string): void {
	const cited = (marks: ParsedMarkdown['evidence'], key: 'check' | 'source') =>
		new Map(marks.flatMap((m) => (typeof m.attributes[key] === 'string' ? [[m.attributes[key] as string, m.line] as const] : [])));
	for (const key of ['check', 'source'] as const) {
		const english = cited(source.evidence, key);
		const translated = cited(markdown.evidence, key);
		for (const [value, line] of english) {
			if (!translated.has(value)) {
				throw new CasebookError(`the translation misses <Evidence ${key}="${value}" />, which the English article cites`, {
					file,
					line: 1,
					expected: `<Evidence ${key}="${value}" /> where ${source.file}:${line} has it`,
					found: `no <Evidence ${key}="${value}" />`,
				});
			}
		}
		for (const [value, line] of translated) {
			if (!english.has(value)) {
				throw new CasebookError(`<Evidence ${key}="${value}" /> is not cited by the English article`, {
					file,
					line,
					expected: `the ${key === 'check' ? 'checks' : 'sources'} the English article cites: ${[...english.keys()].join(', ') || 'none'}`,
					found: value,
				});
			}
		}
	}
}

function checkComponents(markdown: ParsedMarkdown, source: CaseArticle, file: string): void {
	const names = (list: ParsedMarkdown['components']) => list.filter((c) => c.name !== 'Evidence');
	const english = names(source.components);
	const translated = names(markdown.components);
	const at = translated.findIndex((c, i) => c.name !== english[i]?.name);
	if (at !== -1 || translated.length !== english.length) {
		const index = at === -1 ? translated.length : at;
		throw new CasebookError('the components differ from the English article\'s', {
			file,
			line: translated[index]?.line ?? translated.at(-1)?.line ?? 1,
			expected: english.map((c) => `<${c.name} />`).join(', ') || 'none',
			found: translated.map((c) => `<${c.name} />`).join(', ') || 'none',
		});
	}
}

/** Same number, depth and order of headings; each translated heading gets the English anchor. */
export function translatedHeadings(headings: Heading[], source: Pick<CaseArticle, 'file' | 'headings'>, file: string): Heading[] {
	const english = source.headings;
	const at = headings.findIndex((h, i) => h.depth !== english[i]?.depth);
	if (at !== -1 || headings.length !== english.length) {
		const index = at === -1 ? Math.min(headings.length, english.length) : at;
		const outline = (list: Heading[]) => list.map((h) => '#'.repeat(h.depth)).join(' ');
		throw new CasebookError('the heading outline differs from the English article\'s', {
			file,
			line: headings[index]?.line ?? headings.at(-1)?.line ?? 1,
			expected: `${outline(english)} (${source.file}; at this position: ${english[index] ? `${'#'.repeat(english[index].depth)} ${english[index].text}` : 'no heading'})`,
			found: outline(headings),
		});
	}
	return headings.map((heading, i) => ({ ...heading, anchor: english[i]!.anchor }));
}

function relativeToContent(source: CaseArticle, where: { projectRoot: string; contentRoot: string }): string {
	return toPosix(relative(where.contentRoot, `${where.projectRoot}/${source.file}`));
}

function prefixed(error: z.ZodError, key: string): z.ZodError {
	return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
}

function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function toPosix(path: string): string {
	return path.split(sep).join('/');
}
