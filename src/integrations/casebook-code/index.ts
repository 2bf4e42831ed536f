import { readFileSync } from 'node:fs';
import { definePlugin, type ExpressiveCodePlugin } from '@expressive-code/core';
import { caseReportForFile } from '../../lib/site/report.ts';
import { wrapSnippet } from './markup.ts';
import { snippetState } from './snippet-state.ts';

/**
 * Expressive Code plugin for case articles. Every fence gets what the reader needs to trust it:
 * an anchor (`id` meta option), a copy-link control, and its verification status from the
 * report: a badge with the checks, reproduce commands and rendered excerpts for verified
 * snippets, a label for illustrative ones, a warning for anything else.
 *
 * Register it in astro.config.mjs: `starlight({ expressiveCode: { plugins: [casebookCode()] } })`.
 * It needs no base path: the only site link it writes (the download) is relative to the page.
 */

const copyButtonsModule = readFileSync(new URL('./copy-buttons.js', import.meta.url), 'utf8');

export function casebookCode(): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Helm Casebook snippets',
		jsModules: [copyButtonsModule],
		hooks: {
			postprocessRenderedBlockGroup: async ({ renderedGroupContents, renderData }) => {
				// Markdown fences render one block per group; tabbed groups are not used in articles.
				if (renderedGroupContents.length !== 1) return;
				const { codeBlock } = renderedGroupContents[0]!;
				const file = codeBlock.parentDocument?.sourceFilePath;
				const report = file ? caseReportForFile(file) : undefined;
				const state = snippetState(
					{
						id: codeBlock.metaOptions.getString('id'),
						illustrative: codeBlock.metaOptions.getBoolean('illustrative') ?? false,
					},
					report,
				);
				renderData.groupAst = await wrapSnippet(renderData.groupAst, state);
			},
		},
	});
}
