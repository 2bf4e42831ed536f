import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { casebookFrontmatterSchema } from './lib/case/schema.ts';

// Articles live in the top-level content/docs folder, not src/content, so the loader is a glob
// with that base; Starlight's own docsLoader only looks in src/content/docs.
export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({ extend: casebookFrontmatterSchema }),
	}),
	// The few Starlight UI strings the casebook words differently, keyed by language. Inline so no
	// file has to sit in src/content/i18n, the only folder Starlight would read them from.
	i18n: defineCollection({
		loader: () => [{ id: 'en', 'search.label': 'Search cases' }],
		schema: i18nSchema(),
	}),
};
