import { definePlugin, type ExpressiveCodePlugin } from '@expressive-code/core';
import { articleLocale } from '../../lib/i18n/locales.ts';
import { caseReportForFile } from '../../lib/site/report.ts';
import { wrapSnippet } from './markup.ts';
import { snippetState } from './snippet-state.ts';

/**
 * Expressive Code plugin for case articles. Every fence gets what the reader needs to trust it:
 * an anchor (`id` meta option), a copy-link control, and its verification status from the
 * report: a badge with the checks, reproduce commands and rendered excerpts for verified
 * snippets (the panel body is a separate file, loaded on opening: panel.ts), a label for
 * illustrative ones, a warning for anything else.
 *
 * Register it in astro.config.mjs with the configured report path:
 * `starlight({ expressiveCode: { plugins: [casebookCode({ report: config.report })] } })`.
 * It needs no base path: the links it writes (download, panel file) are relative to the page.
 */

export function casebookCode(options: { report: string; /** The content folder, to find a translation's English article. */ content?: string }): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Helm Casebook snippets',
		// Scripts: the copy buttons and the panels' loading (lazy-details.ts) are on every page
		// already (overrides/Head.astro); a JS module here would ship a second copy.
		hooks: {
			postprocessRenderedBlockGroup: async ({ renderedGroupContents, renderData }) => {
				// Markdown fences render one block per group; tabbed groups are not used in articles.
				if (renderedGroupContents.length !== 1) return;
				const { codeBlock } = renderedGroupContents[0]!;
				const file = codeBlock.parentDocument?.sourceFilePath;
				// A translation's fences are its English article's (the verifier compared them byte for
				// byte), so they carry that article's verification, in the page's language and links.
				const where = file ? articleLocale(file, options.content) : undefined;
				// Read on first use, not at config time: `astro sync` loads the config without a report.
				const found = where ? caseReportForFile(options.report, where.sourceFile) : undefined;
				const report = found && where?.prefix ? { ...found, slug: where.prefix + found.slug } : found;
				const state = snippetState(
					{
						id: codeBlock.metaOptions.getString('id'),
						illustrative: codeBlock.metaOptions.getBoolean('illustrative') ?? false,
						code: codeBlock.code,
					},
					report,
				);
				renderData.groupAst = wrapSnippet(renderData.groupAst, state, where?.locale.lang);
			},
		},
	});
}
