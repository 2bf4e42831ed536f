import type { APIRoute, GetStaticPaths } from 'astro';
import type { Locale } from '~/lib/i18n/locales.ts';
import type { CaseReport } from '~/lib/report/schema.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import { versionListFiles, versionListFragment } from '~/lib/site/version-fragment.ts';

// `/versions/<case>.html` (and `<case>.zh-cn.html` per language): every rendered version of a case,
// fetched by its "Am I affected?" section when a list is opened. A fragment: Pagefind skips it.
export const getStaticPaths = (async () => {
	const reports = new Map((await loadCases()).map(({ report }) => [report.id, report]));
	return versionListFiles([...reports.keys()]).map(({ caseId, locale, file }) => ({
		params: { list: file.slice('versions/'.length, -'.html'.length) },
		props: { report: reports.get(caseId)!, locale },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { report, locale } = props as { report: CaseReport; locale: Locale };
	return new Response(versionListFragment(report, locale.lang), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
