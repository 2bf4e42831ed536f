import type { APIRoute } from 'astro';
import { casesApi } from '~/lib/site/api.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import { siteReport } from '~/lib/site/site-report.ts';

// Every case with its verification summary, for tools and scripts (schema: CasesApi in api.ts).
export const GET: APIRoute = async () => {
	const cases = await loadCases();
	const body = casesApi(
		cases.map((c) => c.summary),
		siteReport(),
	);
	return new Response(`${JSON.stringify(body, null, 2)}\n`, {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
};
