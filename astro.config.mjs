// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { loadConfig } from './src/lib/config/load.ts';
import { baseLinksIntegration } from './src/lib/site/markdown-base.ts';
import { headingLinkIconsIntegration } from './src/lib/site/heading-link-icons.ts';
import { sidebarFromContent } from './src/lib/site/sidebar.ts';
import { casebookCode } from './src/integrations/casebook-code/index.ts';
import { casebookSite } from './src/integrations/casebook-site/index.ts';
import { casebookSearch } from './src/integrations/casebook-search/index.ts';
import { starlightLocales } from './src/lib/i18n/locales.ts';
import { translationAnchorsIntegration } from './src/lib/site/translation-anchors.ts';

// One configuration for the engine and the site: casebook.config.json, then the environment
// (CASEBOOK_BASE, CASEBOOK_SITE, CASEBOOK_REPORT, ...), resolved once by loadConfig.
const config = loadConfig(fileURLToPath(new URL('.', import.meta.url)));

// Every src/components/overrides/<Name>.astro replaces Starlight's <Name> component, so a new
// override needs no change here. Starlight rejects names it does not know.
const overridesDir = new URL('./src/components/overrides/', import.meta.url);
const components = Object.fromEntries(
	(existsSync(overridesDir) ? readdirSync(overridesDir) : [])
		.filter((file) => file.endsWith('.astro'))
		.map((file) => [file.slice(0, -'.astro'.length), `./src/components/overrides/${file}`]),
);

// Starlight adds @astrojs/sitemap unless one is present; without `site` it could only warn, so a
// placeholder with the same name keeps it out.
const noSitemap = { name: '@astrojs/sitemap', hooks: {} };

export default defineConfig({
	site: config.site,
	base: config.base,
	trailingSlash: 'always',
	// Starlight turns on prefetching of every link; it costs each page a script and hovering a
	// link costs a request, for pages a local server returns in milliseconds anyway.
	prefetch: false,
	integrations: [
		...(config.site ? [] : [noSitemap]),
		casebookSite(config),
		starlight({
			title: 'Helm Casebook',
			description: 'Troubleshooting cases for the Tempo, Loki and Prometheus Helm charts, every snippet verified against real renders.',
			// Articles live outside src/content; Starlight's Markdown transforms (asides, heading
			// anchors) only run on the directories listed here.
			markdown: { processedDirs: [config.content] },
			sidebar: sidebarFromContent(config.content),
			// English at the root, Simplified Chinese under /zh-cn/ (src/lib/i18n/locales.ts). A page
			// without a translation is served in English under /zh-cn/ with Starlight's notice.
			defaultLocale: 'root',
			locales: starlightLocales(),
			components,
			customCss: ['./src/styles/casebook.css', './src/styles/case.css'],
			// Snippet anchors, verification badges and copy-link controls on every code block.
			expressiveCode: {
				plugins: [casebookCode({ report: config.report, content: config.content })],
				// Articles mark no lines (`mark=`, `ins=`, `del=`); without the plugin its styles stay
				// off every page.
				textMarkers: false,
				// Every block gets a "Copy" action from the casebook plugin, which reads the code from
				// the page; Expressive Code's button would ship each block's code twice.
				frames: { showCopyToClipboardButton: false },
				// Shiki has no Go template grammar; Handlebars' braces highlight chart templates well enough.
				shiki: { langAlias: { gotemplate: 'handlebars' } },
			},
			// src/pages/404.astro lists the cases for readers who followed an old link.
			disable404Route: true,
		}),
		baseLinksIntegration(),
		headingLinkIconsIntegration(),
		translationAnchorsIntegration(config.content),
		// After Starlight's: it writes the search layer beside the index Pagefind has just built.
		casebookSearch(),
	],
	vite: {
		// MDX articles import components as `~/components/...`; tsconfig declares the same alias.
		resolve: {
			alias: [
				{ find: '~', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
				// Pagefind's UI, loading the casebook's search layer (both languages, long queries).
				{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/integrations/casebook-search/pagefind-ui.ts', import.meta.url)) },
				// Keeps the search dialog's stylesheet out of every page's first visit; it loads with
				// the search UI (src/components/search-styles.ts imports the real file with `?inline`).
				{ find: /^@pagefind\/default-ui\/css\/ui\.css$/, replacement: fileURLToPath(new URL('./src/styles/pagefind-ui-deferred.css', import.meta.url)) },
			],
		},
		build: {
			rolldownOptions: {
				// Astro marks every MDX page with a "use astro:head-inject" directive that Astro itself
				// handles; the bundler's warning about it says nothing a reader of the log can act on.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
