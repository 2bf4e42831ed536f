import { readFileSync } from 'node:fs';
import { definePlugin, type ExpressiveCodePlugin } from '@expressive-code/core';
import { caseReportForFile, readReport } from '../../lib/site/report.ts';
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

const copyButtonsModule = readFileSync(new URL('./copy-buttons.js', import.meta.url), 'utf8');
const panelLoaderModule = readFileSync(new URL('./panel-loader.js', import.meta.url), 'utf8');

export function casebookCode(options: { report: string }): ExpressiveCodePlugin {
	return definePlugin({
		name: 'Helm Casebook snippets',
		jsModules: [copyButtonsModule, panelLoaderModule],
		hooks: {
			postprocessRenderedBlockGroup: async ({ renderedGroupContents, renderData }) => {
				// Markdown fences render one block per group; tabbed groups are not used in articles.
				if (renderedGroupContents.length !== 1) return;
				const { codeBlock } = renderedGroupContents[0]!;
				const file = codeBlock.parentDocument?.sourceFilePath;
				// Read on first use, not at config time: `astro sync` loads the config without a report.
				const report = file ? caseReportForFile(readReport(options.report), file) : undefined;
				const state = snippetState(
					{
						id: codeBlock.metaOptions.getString('id'),
						illustrative: codeBlock.metaOptions.getBoolean('illustrative') ?? false,
						code: codeBlock.code,
					},
					report,
				);
				renderData.groupAst = wrapSnippet(renderData.groupAst, state);
			},
		},
	});
}
