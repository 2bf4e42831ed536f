import type { APIRoute, GetStaticPaths } from 'astro';
import { panelFile, verificationIntro } from '~/integrations/casebook-code/markup.ts';
import { verificationFragment } from '~/integrations/casebook-code/panel.ts';
import { snippetState } from '~/integrations/casebook-code/snippet-state.ts';
import { LOCALES } from '~/lib/i18n/locales.ts';
import { uiStrings } from '~/lib/i18n/ui.ts';
import { loadCases } from '~/lib/site/catalog.ts';
import type { Element } from '@expressive-code/core/hast';
import type { CheckReport } from '~/lib/report/schema.ts';

// `/verification/<case>/<snippet>.html` (and `<snippet>.zh-cn.html` per language): the body of a
// snippet's verification panel, fetched by the case page of that language when the panel is
// opened (src/integrations/casebook-code/panel.ts). A fragment, not a page: Pagefind skips it, as
// it has no `data-pagefind-body`.
export const getStaticPaths: GetStaticPaths = async () =>
	(await loadCases()).flatMap(({ report }) =>
		report.snippets.flatMap((snippet) => {
			const checks = report.checks.filter((check) => snippet.checks.includes(check.id));
			if (checks.length === 0) return [];
			const state = snippetState({ id: snippet.id, illustrative: false }, report);
			return LOCALES.map((locale) => {
				const intro = state.kind === 'verified' ? verificationIntro(state, uiStrings(locale.lang)) : undefined;
				const file = panelFile(report.id, snippet.id, locale);
				return {
					params: { case: report.id, snippet: file.slice(`verification/${report.id}/`.length, -'.html'.length) },
					props: { checks, intro, snippet: snippet.id, lang: locale.lang },
				};
			});
		}),
	);

export const GET: APIRoute = async ({ props }) => {
	const { checks, intro, snippet, lang } = props as { checks: CheckReport[]; intro?: Element; snippet: string; lang: string };
	return new Response(await verificationFragment(checks, { intro, snippetId: snippet, lang }), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
