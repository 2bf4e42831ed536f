import type { APIRoute, GetStaticPaths } from 'astro';
import { panelFile, verificationIntro } from '~/integrations/casebook-code/markup.ts';
import { verificationFragment } from '~/integrations/casebook-code/panel.ts';
import { snippetState } from '~/integrations/casebook-code/snippet-state.ts';
import { LOCALES } from '~/lib/i18n/locales.ts';
import { uiStrings } from '~/lib/i18n/ui.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import { caseReport } from '~/lib/site/site-report.ts';

// `/verification/<case>/<snippet>.html` (and `<snippet>.zh-cn.html` per language): the body of a
// snippet's verification panel, fetched by the case page of that language when the panel is
// opened (src/integrations/casebook-code/panel.ts). A fragment, not a page: Pagefind skips it, as
// it has no `data-pagefind-body`.
// The case's report is read when the file is written (not kept in the props for the whole build).
export const getStaticPaths: GetStaticPaths = async () =>
	(await loadCases()).flatMap(({ summary, snippets }) =>
		snippets.flatMap((snippet) => {
			if (snippet.checks.length === 0) return [];
			return LOCALES.map((locale) => {
				const file = panelFile(summary.id, snippet.id, locale);
				return {
					params: { case: summary.id, snippet: file.slice(`verification/${summary.id}/`.length, -'.html'.length) },
					props: { caseId: summary.id, snippet: snippet.id, lang: locale.lang },
				};
			});
		}),
	);

export const GET: APIRoute = async ({ props }) => {
	const { caseId, snippet, lang } = props as { caseId: string; snippet: string; lang: string };
	const report = caseReport(caseId);
	const verified = report.snippets.find((s) => s.id === snippet)!;
	const checks = report.checks.filter((check) => verified.checks.includes(check.id));
	const state = snippetState({ id: snippet, illustrative: false }, report);
	const intro = state.kind === 'verified' ? verificationIntro(state, uiStrings(lang)) : undefined;
	return new Response(await verificationFragment(checks, { intro, snippetId: snippet, lang }), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
