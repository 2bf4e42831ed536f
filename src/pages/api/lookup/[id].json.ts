import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCases } from '~/lib/site/catalog.ts';
import { lookupData } from '~/lib/site/matrix.ts';
import { caseReport } from '~/lib/site/site-report.ts';

// The version data behind a case's "Am I affected?" box (LookupData in version-lookup.ts). A file
// of its own so that a page downloads it only when a reader types a version.
export const getStaticPaths = (async () =>
	(await loadCases()).map(({ summary }) => ({ params: { id: summary.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(JSON.stringify(lookupData(caseReport(params.id!))), {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
