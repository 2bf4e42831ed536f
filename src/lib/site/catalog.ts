import { articleSourceHashOfFile } from '../article/files.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:casebook/config';
import type { CaseFrontmatter } from '../case/schema.ts';
import type { CaseReport, SnippetReport } from '../report/schema.ts';
import { loadCaseArticles, type TranslationArticle } from '../verify/articles.ts';
import { caseSummary, sortCases, type CaseSummary } from './api.ts';
import { pagePath } from './base.ts';
import { ALLOW_STALE_REPORT, caseReport, REPORT_PATH, siteReport } from './site-report.ts';

/**
 * The site's view of all cases: each article with a `case:` block, joined with its entry in the
 * verification report. The only module that reads the collection for case data. It keeps what
 * listings and routes need of each case, not the case's report: a page or fragment reads that
 * when it renders (caseReport in site-report.ts), so the build never holds every case at once.
 */

export interface CaseEntry {
	entry: CollectionEntry<'docs'>;
	summary: CaseSummary;
	/** The case's snippets as verified (their text is the download; `checks` says which have a panel). */
	snippets: SnippetReport[];
}

export const BASE = import.meta.env.BASE_URL;

let cached: Promise<CaseEntry[]> | undefined;

export function loadCases(): Promise<CaseEntry[]> {
	cached ??= readCases();
	return cached;
}

/** All published pages of the docs collection, as Starlight publishes them. */
export async function publishedPages(): Promise<CollectionEntry<'docs'>[]> {
	return getCollection('docs', ({ data }) => import.meta.env.MODE !== 'production' || data.draft !== true);
}

async function readCases(): Promise<CaseEntry[]> {
	const entries = (await publishedPages()).filter((entry) => entry.data.case && !entry.data.translation);
	const translations = await loadTranslations();
	const cases = entries.map((entry) => {
		const declared = entry.data.case as CaseFrontmatter;
		const report = caseReport(declared.id);
		assertFresh(entry, report);
		const summary = caseSummary(
			{ slug: entry.id, title: entry.data.title, description: entry.data.description, case: declared, report },
			BASE,
		);
		const translated = translations.filter((t) => t.case.id === declared.id);
		if (translated.length) {
			summary.translations = translated.map((t) => ({
				lang: t.locale.lang,
				title: t.title,
				url: pagePath(t.slug, BASE),
				permalink: pagePath(`${t.locale.dir}/cases/${declared.id}`, BASE),
				stale: t.stale,
			}));
		}
		return { entry, summary, snippets: report.snippets };
	});
	const order = new Map(sortCases(cases.map((c) => c.summary)).map((s, i) => [s.id, i]));
	return cases.sort((a, b) => order.get(a.summary.id)! - order.get(b.summary.id)!);
}

/**
 * The report must describe the article as it is now: a page built from a report of an older
 * version of the article would show checks and snippets that no longer match its text.
 * `allowStaleReport` (CASEBOOK_ALLOW_STALE_REPORT=1) downgrades this to a warning while working on the site itself.
 */
function assertFresh(entry: CollectionEntry<'docs'>, report: CaseReport): void {
	const problems: string[] = [];
	if (report.slug !== entry.id) problems.push(`slug "${report.slug}" but the page is "${entry.id}"`);
	if (entry.filePath) {
		if (articleSourceHashOfFile(entry.filePath) !== report.sourceHash) {
			problems.push('an older version of the article or its checks file');
		}
	}
	if (!problems.length) return;
	const message = `The verification report at ${REPORT_PATH} (generated ${siteReport().generatedAt}) has, for ${entry.filePath ?? entry.id}, ${problems.join(' and ')}. Run \`npm run verify\`.`;
	if (ALLOW_STALE_REPORT) console.warn(`[casebook] ${message}`);
	else throw new Error(message);
}

let translationsCache: Promise<TranslationArticle[]> | undefined;

/**
 * Every translated case page, read and checked against its English article with the verifier's
 * reader, so a page is never built from a translation that disagrees with its source about a
 * snippet, a check or the heading outline (even one edited after `npm run verify`).
 */
export function loadTranslations(): Promise<TranslationArticle[]> {
	translationsCache ??= loadCaseArticles(config.root, config.content).then(({ translations, errors }) => {
		if (errors.length) throw new Error(`The articles have errors; run \`npm run verify\`:\n${errors.map((e) => e.format()).join('\n')}`);
		return translations;
	});
	return translationsCache;
}

/** The case a page shows: its own, or for a translation its English case in the translated words. */
export async function pageCase(entry: CollectionEntry<'docs'>): Promise<{ facts: CaseFrontmatter; translation?: TranslationArticle } | undefined> {
	if (!entry.data.case) return undefined;
	if (!entry.data.translation) return { facts: entry.data.case as CaseFrontmatter };
	const translation = (await loadTranslations()).find((t) => t.slug === entry.id);
	if (!translation) throw new Error(`${entry.filePath ?? entry.id}: no checked translation for this page.`);
	return { facts: translation.case, translation };
}
