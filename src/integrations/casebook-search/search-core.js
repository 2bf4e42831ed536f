// @ts-check
/**
 * The casebook's layer over Pagefind's search API, shipped as `pagefind/casebook/pagefind.js`
 * (see ./index.ts) so Pagefind's UI loads it instead of Pagefind's own module. Plain JavaScript
 * without imports: the build copies this file as it is, after Pagefind has written its index.
 *
 * What it adds to Pagefind:
 * - Both languages: the reader's index answers first; the other language's index is merged in
 *   (sharing the WebAssembly already loaded, so it costs its index chunks only) when the reader's
 *   index finds nothing, or when the query has Chinese characters and the page is not Chinese.
 * - One result per page: the English page and its translation (or a fallback copy) are one
 *   result, shown in the reader's language when there is one.
 * - Long queries: Pagefind returns only pages holding every word it knows, so a query whose
 *   words are spread over pages comes back empty. Then each word is searched alone, pages are
 *   ranked by how many of the words they hold, and the words left out are named to the reader.
 */

/** Chinese, Japanese and Korean characters: a query with them is segmented into words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** @param {string} text */
export function hasCjk(text) {
	return CJK.test(text);
}

/**
 * The words of a query as Pagefind matches them: spaces separate words, and a run of Chinese is
 * split by the browser's word segmenter, as Pagefind splits it for a Chinese index. Lower case,
 * punctuation at the edges dropped, each word once.
 * @param {string} term
 * @param {string} [segmenterLanguage]
 * @returns {string[]}
 */
export function queryWords(term, segmenterLanguage = 'zh') {
	/** @type {string[]} */
	const words = [];
	for (const token of term.trim().split(/\s+/)) {
		const word = token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLocaleLowerCase();
		if (!word) continue;
		if (hasCjk(word) && typeof Intl.Segmenter === 'function') {
			const segmenter = new Intl.Segmenter(segmenterLanguage, { granularity: 'word' });
			for (const { segment, isWordLike } of segmenter.segment(word)) if (isWordLike) words.push(segment);
		} else {
			words.push(word);
		}
	}
	return [...new Set(words)];
}

/**
 * @typedef {{ id: string; score: number; data: () => Promise<unknown> }} PagefindResult
 * @typedef {{ results: PagefindResult[]; unfilteredResultCount?: number; filters?: object; totalFilters?: object }} PagefindResponse
 */

/**
 * The index a page id belongs to: Pagefind names pages `<language>_<hash>`.
 * @param {string} id
 */
export function pageLanguage(id) {
	return id.slice(0, id.lastIndexOf('_'));
}

/**
 * Page id -> the first id of its group, for pages listed as one page in several languages.
 * @param {string[][]} translations
 */
export function translationKeys(translations) {
	/** @type {Map<string, string>} */
	const keys = new Map();
	for (const ids of translations) for (const id of ids) keys.set(id, ids[0] ?? id);
	return keys;
}

/**
 * One result per page, ranked by how many query words it holds (`coverage`, higher first),
 * then by Pagefind's score; of a page found in several languages, the reader's language is kept.
 * @param {Array<PagefindResult & { coverage?: number }>} results
 * @param {Map<string, string>} keys from translationKeys
 * @param {string} readerLang
 */
export function mergeResults(results, keys, readerLang) {
	/** @type {Map<string, PagefindResult & { coverage: number }>} */
	const byKey = new Map();
	const isReaders = (/** @type {PagefindResult} */ r) => pageLanguage(r.id) === readerLang;
	for (const result of results) {
		const key = keys.get(result.id) ?? result.id;
		const candidate = { ...result, coverage: result.coverage ?? 0 };
		const held = byKey.get(key);
		if (!held) {
			byKey.set(key, candidate);
			continue;
		}
		const best = { score: Math.max(held.score, candidate.score), coverage: Math.max(held.coverage, candidate.coverage) };
		const keep = isReaders(candidate) && !isReaders(held) ? candidate : held;
		byKey.set(key, { ...keep, ...best });
	}
	return [...byKey.values()].sort((a, b) => b.coverage - a.coverage || b.score - a.score);
}

/**
 * The pages that hold most of the query's words, from one search per word: the largest set of
 * words any page holds, and the words no such page holds.
 * @param {string[]} words
 * @param {PagefindResponse[]} perWord the response to each word alone, in the order of `words`
 */
export function bestCoverage(words, perWord) {
	/** @type {Map<string, { result: PagefindResult; words: string[]; score: number }>} */
	const pages = new Map();
	perWord.forEach((response, i) => {
		for (const result of response.results) {
			const page = pages.get(result.id) ?? { result, words: [], score: 0 };
			page.words.push(/** @type {string} */ (words[i]));
			page.score += result.score;
			pages.set(result.id, page);
		}
	});
	const ranked = [...pages.values()].sort((a, b) => b.words.length - a.words.length || b.score - a.score);
	const matched = ranked[0]?.words ?? [];
	return {
		matched,
		ignored: words.filter((w) => !matched.includes(w)),
		ranked: ranked.map((p) => ({ ...p.result, score: p.score, coverage: p.words.length })),
	};
}

/**
 * @typedef {object} PagefindCore What this layer needs of pagefind.js.
 * @property {(options: object) => Promise<void>} options
 * @property {(path: string, options?: object) => Promise<void>} mergeIndex
 * @property {(term: string, options?: object) => Promise<PagefindResponse>} search
 * @property {(term: string, options?: object) => Promise<void>} preload
 * @property {() => Promise<object>} filters
 * @property {() => Promise<void>} [destroy]
 *
 * @typedef {object} SiteIndex Written by the build.
 * @property {string[][]} translations the page ids of each page indexed in several languages
 * @property {string[]} languages Pagefind's index languages (`en`, `zh-cn`)
 */

/**
 * pagefind.js's module interface over `core`, for a reader whose page is in `readerLang`.
 * @param {PagefindCore} core
 * @param {SiteIndex} site
 * @param {{ readerLang: string; bundlePath: string; onSearched?: (term: string, ignored: string[], partial: boolean) => void }} reader
 */
export function createSearch(core, site, reader) {
	const readerLang = reader.readerLang.toLowerCase();
	const keys = translationKeys(site.translations);
	const others = site.languages.filter((l) => l !== readerLang && l.split('-')[0] !== readerLang.split('-')[0]);
	/** @type {Promise<void> | undefined} */
	let merged;
	/** @type {Promise<unknown> | undefined} */
	let filtersLoaded;
	let started = false;
	let latest = 0;
	let debounced = 0;
	// Pagefind skips a merge whose path the primary index's path starts with; the same bundle
	// under another spelling is still the same files.
	const mergeOthers = () =>
		(merged ??= Promise.all(others.map((language) => core.mergeIndex(`${reader.bundlePath}./`, { language }))).then(() => undefined));
	// A reader of an English page who types Chinese is looking for words only the Chinese pages have.
	const readerWritesCjk = /^(zh|ja|ko)\b/.test(readerLang);
	const wantsOthers = (/** @type {string} */ term) => others.length > 0 && !readerWritesCjk && hasCjk(term);

	/** @param {object} options */
	const start = async (options) => {
		if (started) return;
		started = true;
		// No web worker: searching a few pages on the main thread takes milliseconds, and the
		// worker script would be one more download for the first query.
		await core.options({ ...options, noWorker: true });
	};

	/**
	 * @param {string} term
	 * @param {object} [options]
	 */
	async function search(term, options = {}) {
		const id = ++latest;
		await start({});
		// Pagefind answers with the filters whose files have arrived, and the UI keeps the filter
		// groups of its first answer: a query typed before every filter file loaded lost a group.
		await (filtersLoaded ??= core.filters());
		if (wantsOthers(term)) await mergeOthers();
		const words = queryWords(term);
		let response = await core.search(term, options);
		if (response.results.length === 0 && !merged && others.length) {
			await mergeOthers();
			response = await core.search(term, options);
		}
		/** @type {string[]} */
		let ignored = [];
		let partial = false;
		/** @type {Array<PagefindResult & { coverage?: number }>} */
		let results = response.results.map((r) => ({ ...r, coverage: words.length }));
		if (words.length > 1) {
			const perWord = await Promise.all(words.map((w) => core.search(w, options)));
			const coverage = bestCoverage(words, perWord);
			ignored = coverage.ignored;
			if (results.length === 0 && coverage.matched.length > 0) {
				const narrowed = await core.search(coverage.matched.join(' '), options);
				results = [...narrowed.results.map((r) => ({ ...r, coverage: coverage.matched.length })), ...coverage.ranked];
				partial = true;
			} else {
				// Words Pagefind knows nowhere were left out of its search already.
				ignored = words.filter((w, i) => perWord[i]?.results.length === 0);
			}
		}
		const ranked = mergeResults(results, keys, readerLang);
		if (id === latest) reader.onSearched?.(term, ignored, partial);
		return { ...response, results: ranked, unfilteredResultCount: ranked.length, casebook: { ignored, partial } };
	}

	return {
		/** @param {object} options */
		options: (options) => (started ? core.options(options) : start(options)),
		/** @param {string} path @param {object} [options] */
		mergeIndex: async (path, options) => {
			await start({});
			return core.mergeIndex(path, options);
		},
		init: () => start({}),
		search,
		/** @param {string} term @param {object} [options] */
		preload: async (term, options) => {
			await start({});
			if (wantsOthers(term)) await mergeOthers();
			return core.preload(term, options);
		},
		/** @param {string} term @param {object} [options] @param {number} [wait] */
		debouncedSearch: async (term, options, wait = 300) => {
			const id = ++debounced;
			await new Promise((done) => setTimeout(done, wait));
			return id === debounced ? search(term, options) : null;
		},
		filters: async () => {
			await start({});
			return core.filters();
		},
		destroy: () => core.destroy?.(),
	};
}
