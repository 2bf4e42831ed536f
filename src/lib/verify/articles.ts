import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case } from '../case/schema.ts';
import { loadArticle, type Article } from '../article/load.ts';
import { checkSnippetUsage } from '../article/snippets.ts';
import { CasebookError, isCasebookError } from '../errors.ts';

export type CaseArticle = Article & { case: Case };

/** Every .md/.mdx file under the content folder, sorted so output is stable. */
export async function findArticleFiles(contentDir: string): Promise<string[]> {
	const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/**
 * Loads and validates every article. Errors are collected, not thrown one at a time, so an author
 * sees every problem in one run.
 */
export async function loadCaseArticles(
	files: string[],
	root: string,
	contentDir: string,
): Promise<{ articles: CaseArticle[]; errors: CasebookError[] }> {
	const articles: CaseArticle[] = [];
	const errors: CasebookError[] = [];
	const ids = new Map<string, string>();
	for (const path of files) {
		try {
			const article = await loadArticle(path, root, contentDir);
			if (!article.case) {
				const stray = article.snippets.find((s) => s.id && !s.illustrative);
				if (stray) {
					throw new CasebookError(`snippet "${stray.id}" is on a page without a case, so nothing checks it`, {
						file: article.file,
						line: stray.line,
						expected: 'the "illustrative" attribute, or a case with a check that applies it',
					});
				}
				continue;
			}
			const withCase = article as CaseArticle;
			checkSnippetUsage(withCase.snippets, usedSnippetIds(withCase), withCase.file);
			const earlier = ids.get(withCase.case.id);
			if (earlier) {
				throw new CasebookError(`case id "${withCase.case.id}" is already used by ${earlier}`, {
					file: withCase.file,
					line: withCase.frontmatter.lineOf(['case', 'id']),
					expected: 'a case id unique across the site',
				});
			}
			ids.set(withCase.case.id, withCase.file);
			articles.push(withCase);
		} catch (error) {
			if (!isCasebookError(error)) throw error;
			errors.push(error);
		}
	}
	return { articles, errors };
}

/** Snippet ids the checks and matrix apply, each with the frontmatter line that names it first. */
function usedSnippetIds(article: CaseArticle): Map<string, number> {
	const used = new Map<string, number>();
	const note = (ids: string[], path: PropertyKey[]) =>
		ids.forEach((id, j) => {
			if (!used.has(id)) used.set(id, article.frontmatter.lineOf([...path, j]));
		});
	article.case.checks.forEach((check, i) => note(check.values, ['case', 'checks', i, 'values']));
	article.case.matrix.forEach((segment, i) => note(segment.values, ['case', 'matrix', i, 'values']));
	return used;
}
