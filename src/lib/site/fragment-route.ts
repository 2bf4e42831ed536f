import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import type { CaseReport } from '../report/schema.ts';
import { loadCases } from './catalog.ts';
import { fragmentFile } from './language-fragments.ts';

/**
 * The endpoint that writes every case's fragment of one kind in every language, for a page file
 * named `src/pages/<folder>/[list].html.ts`. A fragment, not a page: Pagefind skips it.
 */
export function fragmentRoute(folder: string, render: (report: CaseReport, lang: string) => string): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () =>
			(await loadCases()).flatMap(({ report }) =>
				LOCALES.map((locale) => ({
					params: { list: fragmentFile(folder, report.id, locale).slice(folder.length + 1, -'.html'.length) },
					props: { report, locale },
				})),
			),
		GET: ({ props }) => {
			const { report, locale } = props as { report: CaseReport; locale: Locale };
			return new Response(render(report, locale.lang), { headers: { 'content-type': 'text/html; charset=utf-8' } });
		},
	};
}
