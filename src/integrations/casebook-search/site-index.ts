import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LOCALES } from '../../lib/i18n/locales.ts';
import { UI } from '../../lib/i18n/ui.ts';

/**
 * What the search layer needs to know about the index Pagefind wrote: which page ids are one page
 * in several languages (so a case found in both languages is one result), the index languages, and
 * the "words left out" sentence in each language. A first search downloads this file, so it lists
 * only pages that have a translation; a page's language is the prefix of its id (`zh-cn_1a2b3c`).
 */
export interface SiteIndex {
	/** Each entry: the ids of one page in two or more languages. */
	translations: string[][];
	languages: string[];
	/**
	 * Per page language (`en`, `zh-cn`), the sentences naming left-out words (`{{words}}`): words
	 * no page has, and words the best page of a partial match lacks.
	 */
	notes: Record<string, { ignored: string; partial: string }>;
}

/** Pagefind's compressed files: gzip of `pagefind_dcd` followed by the payload. */
const SIGNATURE = 'pagefind_dcd';

export function decodePagefindFile(bytes: Buffer): string {
	const plain = bytes.subarray(0, SIGNATURE.length).toString() === SIGNATURE ? bytes : gunzipSync(bytes);
	if (plain.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error('not a Pagefind file (no signature after decompression)');
	return plain.subarray(SIGNATURE.length).toString('utf8');
}

/** `/zh-cn/tempo/x/` -> `/tempo/x/`: the path a page shares with its translations. */
export function pageKey(url: string, localeDirs: readonly string[]): string {
	const path = url.replace(/[?#].*$/, '');
	for (const dir of localeDirs) {
		if (path === `/${dir}/` || path.startsWith(`/${dir}/`)) return path.slice(dir.length + 1);
	}
	return path;
}

/**
 * Every page of a Pagefind bundle, from its fragment files: a file is one page (`<lang>_<hash>`)
 * or, in bundles that group fragments, an object of pages by id.
 */
export function readSiteIndex(bundleDir: string): SiteIndex {
	const localeDirs = LOCALES.flatMap((l) => (l.dir ? [l.dir] : []));
	const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
	const idsByKey = new Map<string, string[]>();
	const fragments = join(bundleDir, 'fragment');
	for (const file of readdirSync(fragments).filter((f) => f.endsWith('.pf_fragment'))) {
		const id = file.slice(0, -'.pf_fragment'.length);
		const content = JSON.parse(decodePagefindFile(readFileSync(join(fragments, file)))) as Record<string, unknown>;
		const group = typeof content.url === 'string' ? { [id]: content } : (content as Record<string, { url?: unknown }>);
		for (const [pageId, fragment] of Object.entries(group)) {
			if (typeof fragment?.url !== 'string') continue;
			const key = pageKey(fragment.url, localeDirs);
			idsByKey.set(key, [...(idsByKey.get(key) ?? []), pageId]);
		}
	}
	const notes = Object.fromEntries(
		LOCALES.map((l) => [l.lang.toLowerCase(), { ignored: UI[l.lang]!['casebook.search.ignored'], partial: UI[l.lang]!['casebook.search.partial'] }]),
	);
	const translations = [...idsByKey.values()].filter((ids) => ids.length > 1).map((ids) => ids.sort());
	return { translations: translations.sort((a, b) => a[0]!.localeCompare(b[0]!)), languages: Object.keys(entry.languages), notes };
}
