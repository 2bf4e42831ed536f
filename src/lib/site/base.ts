/**
 * The site can be served under a path prefix (`CASEBOOK_BASE`, e.g. `/kb/`). Astro prefixes its
 * own and Starlight's links, but not root-relative links written in Markdown, so those pass
 * through `withBase` (see markdown-base.ts); pages build their own URLs with the helpers here.
 */

/** `kb`, `/kb`, `/kb/` all become `/kb/`; an empty base is `/`. */
export function normaliseBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Prefixes a root-relative href (`/tempo/x/`, `/#top`) with the base. Everything else is left
 * alone: relative paths resolve against the page, which is already under the base; `#frag` and
 * `?query` stay on the page; `//host/...` and `scheme:` URLs leave the site.
 */
export function withBase(href: string, base: string): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const prefix = normaliseBase(base);
	if (prefix === '/') return href;
	return prefix + href.slice(1);
}

/** The URL path of a page from its collection slug: `tempo/x` -> `/kb/tempo/x/`, `` -> `/kb/`. */
export function pagePath(slug: string, base: string): string {
	const trimmed = slug.replace(/^\/+|\/+$/g, '');
	const prefix = normaliseBase(base);
	return trimmed ? `${prefix}${trimmed}/` : prefix;
}

/** The permanent address of a case, independent of where its article lives. */
export function permalinkPath(caseId: string, base: string): string {
	return pagePath(`cases/${caseId}`, base);
}

/** Where a snippet's download lives: `/kb/snippets/<case>/<file>`. */
export function snippetPath(caseId: string, fileName: string, base: string): string {
	return `${normaliseBase(base)}snippets/${caseId}/${fileName}`;
}

/** The version data of a case's "Am I affected?" box: `/kb/api/lookup/<case>.json`. */
export function lookupPath(caseId: string, base: string): string {
	return `${normaliseBase(base)}api/lookup/${caseId}.json`;
}
