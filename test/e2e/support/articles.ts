import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listArticleFiles } from '../../../src/lib/article/files.ts';
import { readPageFrontmatter } from '../../../src/lib/article/load.ts';
import { parseMarkdown } from '../../../src/lib/article/parse.ts';
import { readSnippets } from '../../../src/lib/article/snippets.ts';
import type { CaseSummary } from '../../../src/lib/site/api.ts';
import { PROJECT_ROOT } from './site.ts';

/**
 * The article sources the site was built from, read with the project's one article reader (the
 * parser Astro renders with): what the browser shows is compared with what the author wrote.
 */

/** `content/docs` of the project the build came from (`<project>/dist` -> `<project>/content/docs`). */
export function contentDir(distDir: string): string {
	const beside = join(dirname(distDir), 'content', 'docs');
	return existsSync(beside) ? beside : join(PROJECT_ROOT, 'content', 'docs');
}

export function articleFile(distDir: string, summary: CaseSummary, base: string): string {
	const slug = summary.url.slice(base.length).replace(/\/$/, '');
	for (const extension of ['.mdx', '.md']) {
		const file = join(contentDir(distDir), slug + extension);
		if (existsSync(file)) return file;
	}
	throw new Error(`No article source for case ${summary.id} (page ${summary.url}) under ${contentDir(distDir)}.`);
}

export interface SourceFence {
	id: string;
	lang: string;
	illustrative: boolean;
	/** The lines between the fences, indentation of the fence removed, each ending in a newline. */
	text: string;
}

/** The code blocks that carry an `id`, as the project's one article reader sees them. */
export function fencesWithId(source: string): SourceFence[] {
	return readSnippets(parseMarkdown(source, 'mdx').codeBlocks, 'article.mdx').flatMap((snippet) =>
		snippet.id ? [{ id: snippet.id, lang: snippet.lang, illustrative: snippet.illustrative, text: snippet.text }] : [],
	);
}

/** The anchors of the article's `##` headings, as the site's slugger makes them. */
export function h2Anchors(source: string): string[] {
	return parseMarkdown(source, 'mdx')
		.headings.filter((heading) => heading.depth === 2)
		.map((heading) => heading.anchor);
}

/** The `case:` block of an article's frontmatter. */
export function caseFrontmatter(source: string): { id: string; aliases?: string[] } & Record<string, unknown> {
	return readPageFrontmatter(source, 'article.mdx').case as { id: string; aliases?: string[] } & Record<string, unknown>;
}

/** Old slugs declared as `case.aliases` across all articles, by case id. */
export function declaredAliases(distDir: string): Map<string, string[]> {
	const aliases = new Map<string, string[]>();
	const dir = contentDir(distDir);
	for (const file of listArticleFiles(dir)) {
		const declared = caseFrontmatter(readFileSync(join(dir, file), 'utf8'));
		if (declared?.aliases?.length) aliases.set(declared.id, declared.aliases);
	}
	return aliases;
}
