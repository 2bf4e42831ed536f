import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSiteIndex } from './site-index.ts';

/** Where the search layer goes, inside Pagefind's bundle folder. */
export const SEARCH_LAYER_DIR = 'casebook';

/**
 * Puts the casebook's search layer beside Pagefind's bundle once Pagefind has written it (so this
 * integration must come after Starlight's): `pagefind/casebook/pagefind.js` and its two modules.
 * Pagefind's UI imports it because ./pagefind-ui.ts (aliased in astro.config.mjs) points the UI's bundle path there.
 */
export function casebookSearch(): AstroIntegration {
	return {
		name: 'helm-casebook-search',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const bundle = fileURLToPath(new URL('./pagefind/', dir));
				const target = new URL(`./pagefind/${SEARCH_LAYER_DIR}/`, dir);
				const site = readSiteIndex(bundle);
				await mkdir(target, { recursive: true });
				await copyFile(new URL('./search-entry.js', import.meta.url), new URL('./pagefind.js', target));
				await copyFile(new URL('./search-core.js', import.meta.url), new URL('./search-core.js', target));
				await writeFile(new URL('./site.js', target), `export default ${JSON.stringify(site)};\n`);
				logger.info(`Search layer written for ${Object.keys(site.pages).length} indexed pages in ${site.languages.join(', ')}.`);
			},
		},
	};
}
