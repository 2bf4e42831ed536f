import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { casebookFrontmatterSchema } from './lib/case/schema.ts';
import { loadConfig } from './lib/config/load.ts';

/**
 * Articles live in the configured content folder (content/docs by default), not src/content, so
 * the loader is a glob over that folder; Starlight's own docsLoader only looks in src/content/docs.
 * The folder comes from loadConfig, with the project root Astro was started with.
 */
function articlesLoader(): Loader {
	return {
		name: 'helm-casebook-articles',
		load: (context) =>
			glob({ base: loadConfig(fileURLToPath(context.config.root)).content, pattern: '**/[^_]*.{md,mdx}' }).load(context),
	};
}

export const collections = {
	docs: defineCollection({
		loader: articlesLoader(),
		schema: docsSchema({ extend: casebookFrontmatterSchema }),
	}),
	// The few Starlight UI strings the casebook words differently, keyed by language. Inline so no
	// file has to sit in src/content/i18n, the only folder Starlight would read them from.
	i18n: defineCollection({
		loader: () => [{ id: 'en', 'search.label': 'Search cases' }],
		schema: i18nSchema(),
	}),
};
