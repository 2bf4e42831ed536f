import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { casebookFrontmatterSchema } from './lib/case/schema.ts';

// Articles live in the top-level content/docs folder, not src/content, so the loader is a glob
// with that base; Starlight's own docsLoader only looks in src/content/docs.
export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({ extend: casebookFrontmatterSchema }),
	}),
};
