import type { APIRoute, GetStaticPaths } from 'astro';
import type { Locale } from '~/lib/i18n/locales.ts';
import type { CaseReport } from '~/lib/report/schema.ts';
import { caseChecksFiles, caseChecksFragment } from '~/lib/site/case-checks.ts';
import { loadCases } from '~/lib/site/catalog.ts';

// `/verification/<case>.html` (and `<case>.zh-cn.html` per language): the list of a case's checks,
// fetched by the case page when the list is opened (src/components/CaseChecks.astro). A fragment,
// not a page: Pagefind skips it.
export const getStaticPaths = (async () => {
	const reports = new Map((await loadCases()).map(({ report }) => [report.id, report]));
	return caseChecksFiles([...reports.keys()]).map(({ caseId, locale, file }) => ({
		params: { list: file.slice('verification/'.length, -'.html'.length) },
		props: { report: reports.get(caseId)!, locale },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { report, locale } = props as { report: CaseReport; locale: Locale };
	return new Response(caseChecksFragment(report, locale.lang), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
