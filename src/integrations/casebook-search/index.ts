import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import { deferredDialogStyles } from './dialog-styles.ts';
import { readSiteIndex } from './site-index.ts';

/** Where the search layer goes, inside Pagefind's bundle folder. */
export const SEARCH_LAYER_DIR = 'casebook';

/**
 * Word positions per index chunk. Pagefind's default (20,000) made the one chunk a first search
 * loads 36 KiB gzip for the five cases, more than the rest of the search together; at 4,000 a chunk
 * is 6-8 KiB and a query of a few words still loads only a few of them.
 */
export const INDEX_CHUNK_SIZE = 3000;

/**
 * Puts the casebook's search layer beside Pagefind's bundle once Pagefind has written it (so this
 * integration must come after Starlight's): `pagefind/casebook/pagefind.js` and its two modules.
 * Pagefind's UI imports it because ./pagefind-ui.ts (aliased in astro.config.mjs) points the UI's bundle path there.
 */
export function casebookSearch(options: { indexChunkSize?: number } = {}): AstroIntegration {
	const indexChunkSize = options.indexChunkSize ?? INDEX_CHUNK_SIZE;
	return {
		name: 'helm-casebook-search',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ vite: { plugins: [deferredDialogStyles()] } });
			},
			'astro:build:start': () => {
				// Pagefind 1.6 reads its chunk size only from this variable, in the indexing process it
				// spawns from this one when Starlight builds the index (after this hook).
				process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const bundle = fileURLToPath(new URL('./pagefind/', dir));
				const target = new URL(`./pagefind/${SEARCH_LAYER_DIR}/`, dir);
				const site = readSiteIndex(bundle);
				await mkdir(target, { recursive: true });
				await writeFile(new URL('./pagefind.js', target), await minified(new URL('./search-entry.js', import.meta.url)));
				await writeFile(new URL('./search-core.js', target), await minified(new URL('./search-core.js', import.meta.url)));
				await writeFile(new URL('./site.js', target), `export default ${JSON.stringify(site)};\n`);
				logger.info(`Search layer written for ${site.languages.join(', ')}, ${site.translations.length} pages indexed in more than one language.`);
			},
		},
	};
}

/** A first search downloads these modules; minified they weigh half as much (gzip). */
async function minified(file: URL): Promise<string> {
	const { code } = await transform(await readFile(file, 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
	return code;
}
