import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import type { CaseReport } from '../report/schema.ts';
import { loadCases } from './catalog.ts';
import { fragmentFile } from './language-fragments.ts';
import { caseReport } from './site-report.ts';

/**
 * The endpoint that writes every case's fragment of one kind in every language, for a page file
 * named `src/pages/<folder>/[list].html.ts`. A fragment, not a page: Pagefind skips it. The case's
 * report is read when the fragment is written, not kept in the route's props for the whole build.
 */
export function fragmentRoute(folder: string, render: (report: CaseReport, lang: string) => string): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () =>
			(await loadCases()).flatMap(({ summary }) =>
				LOCALES.map((locale) => ({
					params: { list: fragmentFile(folder, summary.id, locale).slice(folder.length + 1, -'.html'.length) },
					props: { caseId: summary.id, locale },
				})),
			),
		GET: ({ props }) => {
			const { caseId, locale } = props as { caseId: string; locale: Locale };
			return new Response(render(caseReport(caseId), locale.lang), { headers: { 'content-type': 'text/html; charset=utf-8' } });
		},
	};
}
