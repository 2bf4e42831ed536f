// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	base: process.env.CASEBOOK_BASE || '/',
	trailingSlash: 'always',
	integrations: [
		starlight({
			title: 'Helm Casebook',
			markdown: { processedDirs: ['./content/docs'] },
		}),
	],
});
