import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** What src/components/search-styles.ts imports: the search dialog's own rules, as a string. */
export const DIALOG_STYLES_MODULE = 'virtual:casebook/search-dialog.css';

/**
 * Starlight's search component has two style blocks: the button in the header, and (global) the
 * dialog's results, 6 KB of rules no page needs before search opens. This plugin empties the
 * second in every page's stylesheet and serves it, unchanged, to the script that loads the search
 * UI's styles. The block is found by its index; if Starlight moves it, the build fails here rather
 * than shipping a dialog without styles.
 */
export function deferredDialogStyles(): Plugin {
	const component = createRequire(import.meta.url).resolve('@astrojs/starlight/components/Search.astro');
	// The block's module id as Astro names it; `inline` before `lang.css` so Vite still treats it as CSS.
	const block = `${component}?astro&type=style&index=1`;
	return {
		name: 'casebook-search-dialog-styles',
		enforce: 'pre',
		resolveId(id) {
			if (id === DIALOG_STYLES_MODULE) return `${block}&inline&lang.css`;
			return undefined;
		},
		transform(code, id) {
			if (id.startsWith(block)) {
				if (!code.includes('#starlight__search')) {
					throw new Error(`Starlight's search component (${component}) no longer has the dialog styles as its second style block; update src/integrations/casebook-search/dialog-styles.ts.`);
				}
				if (!id.includes('&inline')) return { code: '', map: null };
			}
			return undefined;
		},
	};
}
