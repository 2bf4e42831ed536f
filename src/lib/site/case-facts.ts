import semver from 'semver';
import type { CaseKind } from '../case/schema.ts';
import { sortVersions } from '../charts/version-list.ts';
import { translate } from '../i18n/ui.ts';

export { sortVersions, summariseVersions } from '../charts/version-list.ts';

/**
 * Wording shared by the case header, the snippet badges and the citation: how versions, Helm
 * releases and dates read on a page. Pure functions over report values.
 */

/** `v3.17.3+ge4da497` (what `helm version --short` prints) -> `3.17.3`. */
export function helmVersionLabel(version: string): string {
	return version.trim().replace(/^v/, '').replace(/\+.*$/, '');
}

/** Distinct Helm versions, as labels, in ascending order. */
export function helmVersionLabels(versions: readonly string[]): string[] {
	const labels = [...new Set(versions.map(helmVersionLabel))];
	return labels.sort((a, b) => (semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b)));
}

/** `['a']` -> `a`; `['a', 'b']` -> `a and b`; `['a', 'b', 'c']` -> `a, b and c`. */
export function joinWords(words: readonly string[], lang?: string): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')}${translate(lang, 'casebook.and')}${words.at(-1)}`;
}

/** The calendar day of an ISO timestamp, as written in the report (UTC): `2026-11-22`. */
export function dayOf(timestamp: string): string {
	const match = /^\d{4}-\d{2}-\d{2}/.exec(timestamp);
	if (match) return match[0];
	const date = new Date(timestamp);
	return Number.isNaN(date.getTime()) ? timestamp : date.toISOString().slice(0, 10);
}


/**
 * The one-line status of a case, worded per kind: a regression is "Broken in … · fixed in …", a
 * transition "Behaviour changes in …", a pitfall "Pitfall in every version …". A case of several
 * kinds says each.
 * A pitfall or transition never says "fixed": the problem is still there in the later versions.
 */
/**
 * A few versions listed, or the span of many with their count in the page's language:
 * `22.0.2 – 22.4.0 (7 versions)`, or `6.0.0 – 18.11.0, 281 versions` where the text already sits
 * in brackets.
 */
export function versionSpan(versions: readonly string[], lang?: string, within: 'text' | 'brackets' = 'text'): string {
	const sorted = sortVersions(versions);
	if (sorted.length <= 4) return sorted.join(', ');
	const count = translate(lang, 'casebook.versionCount.other', { count: String(sorted.length) });
	return within === 'brackets' ? `${sorted[0]} – ${sorted.at(-1)}, ${count}` : `${sorted[0]} – ${sorted.at(-1)} (${count})`;
}

export function statusLine(
	kinds: readonly CaseKind[],
	affected: readonly string[],
	fixedIn: string | null,
	pitfallVersions?: readonly string[],
	/** The page's language (`zh-CN`); English by default. */
	lang?: string,
): string {
	const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(lang, key, values);
	const parts: string[] = [];
	if (kinds.includes('pitfall')) {
		parts.push(pitfallVersions?.length ? `${t('casebook.status.pitfall')} (${versionSpan(pitfallVersions, lang, 'brackets')})` : t('casebook.status.pitfall'));
	}
	if (kinds.includes('regression')) {
		const affects = affected.length > 0 ? t('casebook.status.brokenIn', { versions: versionSpan(affected, lang) }) : t('casebook.status.brokenNone');
		parts.push(`${affects} · ${fixedIn ? t('casebook.status.fixedIn', { version: fixedIn }) : t('casebook.status.noFix')}`);
	}
	if (kinds.includes('transition')) {
		parts.push(fixedIn ? t('casebook.status.changesIn', { version: fixedIn }) : t('casebook.status.changes'));
	}
	return parts.join(' · ');
}

/** Square brackets and backslashes would end or break a Markdown link text. */
export function escapeLinkText(text: string): string {
	return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

export interface CitationInput {
	title: string;
	/** Absolute URL of the permalink; `{url}` keeps a placeholder the browser fills in. */
	url: string;
	/** `grafana/tempo-distributed`. */
	chart: string;
	/** The case's status line, worded per kind (statusLine). */
	status: string;
	helm: readonly string[];
	day: string;
}

/**
 * `[Title](url) — Helm Casebook: Broken in 1.13.0, 1.13.1 · fixed in 1.13.2; verified on
 * grafana/tempo-distributed with Helm 3.17.3 and 4.1.4, 2026-11-22`.
 */
export function citation(input: CitationInput): string {
	return (
		`[${escapeLinkText(input.title)}](${input.url}) — Helm Casebook: ${input.status}; ` +
		`verified on ${input.chart} with Helm ${joinWords(input.helm)}, ${input.day}`
	);
}

const PRODUCT_NAMES: Record<string, string> = { tempo: 'Tempo', loki: 'Loki', prometheus: 'Prometheus' };

export function productName(product: string): string {
	return PRODUCT_NAMES[product] ?? product;
}
