// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { normaliseBase } from './src/lib/site/base.ts';
import { baseLinksIntegration } from './src/lib/site/markdown-base.ts';
import { sidebarFromContent } from './src/lib/site/sidebar.ts';
import { casebookCode } from './src/integrations/casebook-code/index.ts';

// Where the site is served: CASEBOOK_BASE is the path prefix (`/kb/`), CASEBOOK_SITE the origin
// (optional; only canonical URLs and the sitemap need it).
const base = normaliseBase(process.env.CASEBOOK_BASE || '/');
const site = process.env.CASEBOOK_SITE || undefined;

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
	site,
	base,
	trailingSlash: 'always',
	integrations: [
		...(site ? [] : [noSitemap]),
		starlight({
			title: 'Helm Casebook',
			description: 'Troubleshooting cases for the Tempo, Loki and Prometheus Helm charts, every snippet verified against real renders.',
			// Articles live in the top-level content/docs; Starlight's Markdown transforms (asides,
			// heading anchors) only run on the directories listed here.
			markdown: { processedDirs: ['./content/docs'] },
			sidebar: sidebarFromContent(fileURLToPath(new URL('./content/docs/', import.meta.url))),
			components,
			customCss: ['./src/styles/casebook.css', './src/styles/case.css'],
			// Snippet anchors, verification badges and copy-link controls on every code block.
			expressiveCode: { plugins: [casebookCode()] },
			// src/pages/404.astro lists the cases for readers who followed an old link.
			disable404Route: true,
		}),
		baseLinksIntegration(),
	],
	vite: {
		// MDX articles import components as `~/components/...`; tsconfig declares the same alias.
		resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
	},
});
