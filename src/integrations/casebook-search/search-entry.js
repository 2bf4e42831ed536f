// @ts-check
/**
 * What Pagefind's UI imports as `<bundle>/casebook/pagefind.js`: Pagefind's own module under the
 * casebook's search layer (./search-core.js), with the page index and words the build wrote to
 * ./site.js. It also shows which query words were left out, under the UI's result count.
 */
// @ts-expect-error: Pagefind's module, beside this file in the built site only.
import * as pagefind from '../pagefind.js';
import { createSearch } from './search-core.js';
// @ts-expect-error: written by the build (./index.ts).
import site from './site.js';

const readerLang = (document.documentElement.lang || 'en').toLowerCase();
/** @type {Record<string, { ignored: string; partial: string }>} */
const notes = site.notes;
const sentences = notes[readerLang] ?? notes[readerLang.split('-')[0] ?? ''] ?? notes.en ?? { ignored: '{{words}}', partial: '{{words}}' };
const listSeparator = readerLang.startsWith('zh') ? '、' : ', ';

/** @type {HTMLParagraphElement | undefined} */
let note;

/**
 * The note sits after Pagefind's result count; the UI renders that line after the search
 * answers, so the note moves there on the next frame.
 * @param {string} _term
 * @param {string[]} ignored
 * @param {boolean} partial
 */
function showIgnored(_term, ignored, partial) {
	note ??= Object.assign(document.createElement('p'), { className: 'cb-search-ignored' });
	note.dataset.casebookSearchNote = '';
	note.style.cssText = 'margin:0.5rem 0;font-size:var(--sl-text-sm,0.875rem);color:var(--sl-color-gray-2,inherit)';
	note.textContent = ignored.length ? (partial ? sentences.partial : sentences.ignored).replace('{{words}}', ignored.map((w) => `“${w}”`).join(listSeparator)) : '';
	note.hidden = ignored.length === 0;
	const place = () => {
		const message = document.querySelector('#starlight__search .pagefind-ui__message, .pagefind-ui__message');
		if (message && note && message.nextElementSibling !== note) message.after(note);
	};
	place();
	requestAnimationFrame(place);
}

const api = createSearch(pagefind, site, {
	readerLang,
	bundlePath: new URL('../', import.meta.url).pathname,
	onSearched: showIgnored,
});

export const { options, mergeIndex, init, search, preload, debouncedSearch, filters, destroy } = api;
