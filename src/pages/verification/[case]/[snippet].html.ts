import type { APIRoute, GetStaticPaths } from 'astro';
import { verificationIntro } from '~/integrations/casebook-code/markup.ts';
import { verificationFragment } from '~/integrations/casebook-code/panel.ts';
import { snippetState } from '~/integrations/casebook-code/snippet-state.ts';
import { uiStrings } from '~/lib/i18n/ui.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import type { Element } from '@expressive-code/core/hast';
import type { CheckReport } from '~/lib/report/schema.ts';

// `/verification/<case>/<snippet>.html`: the body of a snippet's verification panel, fetched by
// the case page when the panel is opened (src/integrations/casebook-code/panel.ts). A fragment,
// not a page: Pagefind skips it, as it has no `data-pagefind-body`.
export const getStaticPaths: GetStaticPaths = async () =>
	(await loadCases()).flatMap(({ report }) =>
		report.snippets.flatMap((snippet) => {
			const checks = report.checks.filter((check) => snippet.checks.includes(check.id));
			const state = snippetState({ id: snippet.id, illustrative: false }, report);
			const intro = state.kind === 'verified' ? verificationIntro(state, uiStrings('en')) : undefined;
			return checks.length > 0 ? [{ params: { case: report.id, snippet: snippet.id }, props: { checks, intro, snippet: snippet.id } }] : [];
		}),
	);

export const GET: APIRoute = async ({ props }) => {
	const { checks, intro, snippet } = props as { checks: CheckReport[]; intro?: Element; snippet: string };
	return new Response(await verificationFragment(checks, { intro, snippetId: snippet }), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
