import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
// Plain JavaScript shipped to the browser as it is, typed with JSDoc.
import { bestCoverage, createSearch, mergeResults, queryWords, translationKeys } from '../../src/integrations/casebook-search/search-core.js';
import { readSiteIndex } from '../../src/integrations/casebook-search/site-index.ts';

/**
 * A stand-in for pagefind.js with Pagefind's matching rules: a page matches when it holds every
 * query word the index knows (a word no page holds is dropped), words match by prefix, and a
 * merged index is searched from then on. Chinese pages are split into words as Pagefind does.
 */
function fakePagefind(pages: Record<string, { lang: string; text: string }>, primary: string) {
	const languages = new Set([primary]);
	const calls: string[] = [];
	const words = (text: string) => queryWords(text) as string[];
	const visible = () => Object.entries(pages).filter(([, p]) => languages.has(p.lang));
	return {
		calls,
		options: async () => {},
		mergeIndex: async (_path: string, options?: { language?: string }) => {
			calls.push(`merge ${options?.language}`);
			languages.add(options?.language ?? '');
		},
		preload: async () => {},
		filters: async () => {
			calls.push('filters');
			return {};
		},
		search: async (term: string) => {
			calls.push(`search ${term}`);
			const holds = (text: string, word: string) => words(text).some((w) => w.startsWith(word));
			const known = words(term).filter((w) => visible().some(([, p]) => holds(p.text, w)));
			const results = known.length
				? visible()
						.filter(([, p]) => known.every((w) => holds(p.text, w)))
						.map(([id, p]) => ({ id, score: known.length + 1 / p.text.length, data: async () => ({ url: id }) }))
				: [];
			return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
		},
	};
}

const PAGES = {
	en_ruler: { lang: 'en', text: 'loki ruler sidecar configmap alerting rules never reach the ruler pod' },
	en_prom: { lang: 'en', text: 'prometheus replicas share one pvc statefulset' },
	en_ingester: { lang: 'en', text: 'tempo ingester statefulset missing after upgrade' },
	'zh-cn_ruler': { lang: 'zh-cn', text: 'loki ruler 侧车容器 告警规则不加载' },
	'zh-cn_prom': { lang: 'zh-cn', text: 'prometheus 多个副本共享 PVC statefulset' },
};
const SITE = {
	languages: ['en', 'zh-cn'],
	translations: [
		['en_ruler', 'zh-cn_ruler'],
		['en_prom', 'zh-cn_prom'],
	],
};

function reader(lang: string) {
	const core = fakePagefind(PAGES, lang);
	const notes: Array<{ ignored: string[]; partial: boolean }> = [];
	const api = createSearch(core, SITE, { readerLang: lang, bundlePath: '/pagefind/', onSearched: (_t: string, ignored: string[], partial: boolean) => notes.push({ ignored, partial }) });
	const ids = async (term: string) => ((await api.search(term)).results as Array<{ id: string }>).map((r) => r.id);
	return { core, api, notes, ids };
}

describe('queryWords', () => {
	it('splits a run of Chinese with the browser segmenter, keeps English words whole', () => {
		// Where ICU puts the boundaries depends on its dictionary (Node's and Chromium's differ).
		const mixed = queryWords('loki ruler 侧车') as string[];
		assert.deepEqual(mixed.slice(0, 2), ['loki', 'ruler']);
		assert.equal(mixed.slice(2).join(''), '侧车');
		const chinese = queryWords('告警规则不加载') as string[];
		assert.ok(chinese.length > 1, 'a Chinese query without spaces is several words');
		assert.equal(chinese.join(''), '告警规则不加载');
		assert.deepEqual(queryWords('  ruler.sidecar,  "Multi-Attach" '), ['ruler.sidecar', 'multi-attach']);
	});
});

describe('long queries', () => {
	it('a query whose words are spread over pages is ranked by how many words each page holds, never empty', async () => {
		const { ids, notes } = reader('en');
		const found = await ids('loki alerting rules configmap never reach ruler pod prometheus');
		assert.equal(found[0], 'en_ruler');
		assert.ok(found.includes('en_prom'), 'a page holding fewer words still comes back, lower');
		assert.deepEqual(notes.at(-1), { ignored: ['prometheus'], partial: true });
	});

	it('words no page has are named, and the rest still finds the case', async () => {
		const { ids, notes } = reader('en');
		assert.deepEqual(await ids('xyzzy statefulset prometheus'), ['en_prom']);
		assert.deepEqual(notes.at(-1), { ignored: ['xyzzy'], partial: false });
	});
});

describe('filters', () => {
	it('every filter file is loaded before the first search, once', async () => {
		const { ids, core } = reader('en');
		await ids('statefulset');
		await ids('ruler');
		assert.deepEqual(core.calls.filter((c) => c === 'filters' || c.startsWith('search')), ['filters', 'search statefulset', 'search ruler']);
	});
});

describe('both languages', () => {
	it('a Chinese query on an English page searches the Chinese index and finds the case', async () => {
		const { ids, core } = reader('en');
		assert.deepEqual(await ids('告警规则不加载'), ['zh-cn_ruler']);
		assert.ok(core.calls.includes('merge zh-cn'));
	});

	it('an English query on a Chinese page that the Chinese index cannot answer falls back to the English index', async () => {
		const { ids, core } = reader('zh-cn');
		assert.deepEqual(await ids('tempo ingester'), ['en_ingester']);
		assert.ok(core.calls.includes('merge en'));
	});

	it('the reader index alone answers when it can (no second index is loaded)', async () => {
		const { ids, core } = reader('zh-cn');
		assert.deepEqual(await ids('多个副本共享 PVC'), ['zh-cn_prom']);
		assert.ok(!core.calls.some((c) => c.startsWith('merge')), core.calls.join(', '));
	});

	it('a case found in both languages is one result, in the reader language', async () => {
		const { ids, api } = reader('zh-cn');
		await api.mergeIndex('/pagefind/./', { language: 'en' });
		assert.deepEqual(await ids('statefulset prometheus'), ['zh-cn_prom']);
	});
});

describe('mergeResults', () => {
	it('keeps one result per page key, the reader language, the best score and coverage', () => {
		const merged = mergeResults(
			[
				{ id: 'en_prom', score: 9, coverage: 2, data: async () => ({}) },
				{ id: 'zh-cn_prom', score: 3, coverage: 1, data: async () => ({}) },
				{ id: 'en_ruler', score: 5, coverage: 2, data: async () => ({}) },
			],
			translationKeys(SITE.translations),
			'zh-cn',
		) as Array<{ id: string; score: number; coverage: number }>;
		assert.deepEqual(merged.map((r) => [r.id, r.score, r.coverage]), [['zh-cn_prom', 9, 2], ['en_ruler', 5, 2]]);
	});

	it('bestCoverage names the words the best page lacks', () => {
		const r = (id: string) => ({ id, score: 1, data: async () => ({}) });
		const best = bestCoverage(['a', 'b', 'c'], [{ results: [r('x'), r('y')] }, { results: [r('x')] }, { results: [] }]);
		assert.deepEqual(best.matched, ['a', 'b']);
		assert.deepEqual(best.ignored, ['c']);
	});
});

describe('readSiteIndex', () => {
	const fragment = (url: string) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content: '' })}`));

	it('lists only the pages indexed in more than one language, by id', () => {
		const bundle = mkdtempSync(join(tmpdir(), 'casebook-site-index-'));
		try {
			mkdirSync(join(bundle, 'fragment'));
			writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: {}, 'zh-cn': {} } }));
			writeFileSync(join(bundle, 'fragment', 'en_aaa.pf_fragment'), fragment('/loki/ruler/'));
			writeFileSync(join(bundle, 'fragment', 'zh-cn_bbb.pf_fragment'), fragment('/zh-cn/loki/ruler/'));
			writeFileSync(join(bundle, 'fragment', 'en_ccc.pf_fragment'), fragment('/about/'));
			const site = readSiteIndex(bundle);
			assert.deepEqual(site.translations, [['en_aaa', 'zh-cn_bbb']]);
			assert.deepEqual(site.languages, ['en', 'zh-cn']);
		} finally {
			rmSync(bundle, { recursive: true, force: true });
		}
	});
});
