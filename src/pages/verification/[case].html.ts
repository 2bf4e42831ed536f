import type { APIRoute, GetStaticPaths } from 'astro';
import { caseChecksFragment } from '~/lib/site/case-checks.ts';
import { loadCases } from '~/lib/site/catalog.ts';

// `/verification/<case>.html`: the list of a case's checks, fetched by the case page when the list
// is opened (src/components/CaseChecks.astro). A fragment, not a page: Pagefind skips it.
export const getStaticPaths = (async () =>
	(await loadCases()).map(({ report }) => ({ params: { case: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(caseChecksFragment(props.report), { headers: { 'content-type': 'text/html; charset=utf-8' } });
