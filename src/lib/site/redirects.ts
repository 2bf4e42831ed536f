import { CasebookError } from '../errors.ts';
import { pagePath, permalinkPath } from './base.ts';

/**
 * Redirect pages: `/cases/<id>/` for every case, and one page per old slug in `case.aliases`.
 * Static hosts cannot be told about redirects portably, so each is a small HTML page.
 */

export interface RedirectSource {
	id: string;
	slug: string;
	aliases: readonly string[];
	/** The article, for error messages. */
	file?: string;
}

export interface Redirect {
	/** Path below the base without slashes at either end, e.g. `cases/x` or `tempo/old-name`. */
	from: string;
	/** Absolute path of the article, base included. */
	to: string;
	caseId: string;
	kind: 'permalink' | 'alias';
}

export function permalinkRedirects(cases: readonly RedirectSource[], base: string): Redirect[] {
	return cases.map((c) => ({
		from: permalinkPath(c.id, '/').slice(1, -1),
		to: pagePath(c.slug, base),
		caseId: c.id,
		kind: 'permalink',
	}));
}

/** Alias redirects; an alias may not shadow a live page, a permalink or another alias. */
export function aliasRedirects(cases: readonly RedirectSource[], base: string, pageSlugs: readonly string[]): Redirect[] {
	const taken = new Map<string, string>(pageSlugs.map((slug) => [trim(slug), `the page "${slug}"`]));
	const redirects: Redirect[] = [];
	for (const c of cases) {
		for (const alias of c.aliases) {
			const from = trim(alias);
			const clash = taken.get(from) ?? (from === 'cases' || from.startsWith('cases/') ? 'the /cases/ permalinks' : undefined);
			if (clash) {
				throw new CasebookError(`alias "${alias}" of case "${c.id}" collides with ${clash}`, {
					file: c.file,
					expected: 'an old slug that no page, permalink or other alias uses',
					found: alias,
				});
			}
			taken.set(from, `the alias "${alias}" of case "${c.id}"`);
			redirects.push({ from, to: pagePath(c.slug, base), caseId: c.id, kind: 'alias' });
		}
	}
	return redirects;
}

function trim(slug: string): string {
	return slug.replace(/^\/+|\/+$/g, '');
}
