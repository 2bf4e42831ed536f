import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { casebookFrontmatterSchema } from './lib/case/schema.ts';
import { loadConfig } from './lib/config/load.ts';
import { UI } from './lib/i18n/ui.ts';

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
	// The casebook's own UI strings (src/lib/i18n/ui.ts) and the few Starlight strings it words
	// differently, keyed by language. Inline so no file has to sit in src/content/i18n, the only
	// folder Starlight would read them from. Components read them with Astro.locals.t('casebook.…').
	i18n: defineCollection({
		loader: () => Object.entries(UI).map(([id, strings]) => ({ id, ...strings })),
		schema: i18nSchema({
			extend: z.object(Object.fromEntries(Object.keys(UI.en!).filter((key) => key.startsWith('casebook.')).map((key) => [key, z.string()]))),
		}),
	}),
};
