import { join, relative, sep } from 'node:path';
import { findOrphanChecksFiles, listArticleFiles } from '../article/files.ts';
import { loadArticle, type CaseArticle } from '../article/load.ts';
import { checkSnippetUsage } from '../article/snippets.ts';
import { loadTranslation, staleTranslationWarning, type TranslationArticle } from '../article/translation.ts';
import { CasebookError, isCasebookError } from '../errors.ts';
import { localeOfPath } from '../i18n/locales.ts';

export type { CaseArticle, TranslationArticle };

/**
 * Loads and validates every article under the content folder. Errors are collected, not thrown
 * one at a time, so an author sees every problem in one run.
 */
export async function loadCaseArticles(
	root: string,
	contentDir: string,
	/** Only these article files; by default every article under contentDir (and orphan checks files are errors). */
	only?: string[],
): Promise<{ articles: CaseArticle[]; translations: TranslationArticle[]; errors: CasebookError[]; warnings: CasebookError[] }> {
	const articles: CaseArticle[] = [];
	const errors: CasebookError[] = [];
	const translated: Array<{ path: string; file: string }> = [];
	for (const orphan of only ? [] : findOrphanChecksFiles(contentDir)) {
		errors.push(
			new CasebookError('a checks file has no article beside it, so its checks would never run', {
				file: relative(root, orphan).split(sep).join('/'),
				line: 1,
				expected: 'an .mdx article with the same name in the same folder',
			}),
		);
	}
	const ids = new Map<string, string>();
	for (const path of only ?? listArticleFiles(contentDir).map((file) => join(contentDir, file))) {
		const file = relative(contentDir, path).split(sep).join('/');
		// Pages of a translation locale are read once every English case is known.
		if (localeOfPath(file).locale.dir) {
			translated.push({ path, file });
			continue;
		}
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
					...withCase.locate(['case', 'id']),
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
	const { translations, warnings } = await loadTranslations(translated, articles, root, contentDir, errors);
	return { articles, translations, errors, warnings };
}

/** Translated pages checked against their English cases; a stale one is a warning, not an error. */
async function loadTranslations(
	files: Array<{ path: string; file: string }>,
	sources: CaseArticle[],
	root: string,
	contentDir: string,
	errors: CasebookError[],
): Promise<{ translations: TranslationArticle[]; warnings: CasebookError[] }> {
	const byId = new Map(sources.map((a) => [a.case.id, a]));
	const byPath = new Map(sources.map((a) => [relative(contentDir, join(root, a.file)).split(sep).join('/'), a]));
	const translations: TranslationArticle[] = [];
	const warnings: CasebookError[] = [];
	// A translation of an article that failed to load is not checked: its errors would only echo that one.
	const failed = new Set(errors.map((error) => error.file));
	for (const { path, file } of files) {
		const { locale, sourcePath } = localeOfPath(file);
		if (failed.has(relative(root, join(contentDir, sourcePath)).split(sep).join('/'))) continue;
		try {
			const translation = await loadTranslation(path, { projectRoot: root, contentRoot: contentDir, locale, sourcePath }, { byId, byPath });
			if (!translation) continue;
			translations.push(translation);
			if (translation.stale) warnings.push(staleTranslationWarning(translation));
		} catch (error) {
			if (!isCasebookError(error)) throw error;
			errors.push(error);
		}
	}
	return { translations, warnings };
}

/** Snippet ids the checks and matrix apply, each with the place that names it first. */
function usedSnippetIds(article: CaseArticle): Map<string, { file: string; line: number }> {
	const used = new Map<string, { file: string; line: number }>();
	const note = (ids: string[], path: PropertyKey[]) =>
		ids.forEach((id, j) => {
			if (!used.has(id)) used.set(id, article.locate([...path, j]));
		});
	article.case.checks.forEach((check, i) => note(check.values, ['case', 'checks', i, 'values']));
	article.case.matrix.forEach((segment, i) => note(segment.values, ['case', 'matrix', i, 'values']));
	return used;
}
