import type { APIRoute, GetStaticPaths } from 'astro';
import { verificationFragment } from '~/integrations/casebook-code/panel.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import type { CheckReport } from '~/lib/report/schema.ts';

// `/verification/<case>/<snippet>.html`: the body of a snippet's verification panel, fetched by
// the case page when the panel is opened (src/integrations/casebook-code/panel.ts). A fragment,
// not a page: Pagefind skips it, as it has no `data-pagefind-body`.
export const getStaticPaths: GetStaticPaths = async () =>
	(await loadCases()).flatMap(({ report }) =>
		report.snippets.flatMap((snippet) => {
			const checks = report.checks.filter((check) => snippet.checks.includes(check.id));
			return checks.length > 0 ? [{ params: { case: report.id, snippet: snippet.id }, props: { checks, snippet: snippet.id } }] : [];
		}),
	);

export const GET: APIRoute = async ({ props }) => {
	const { checks, snippet } = props as { checks: CheckReport[]; snippet: string };
	return new Response(await verificationFragment(checks, snippet), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
