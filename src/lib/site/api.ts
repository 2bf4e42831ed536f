import type { Answer, CaseFrontmatter, CaseKind } from '../case/schema.ts';
import type { CaseReport, CheckReport, Report } from '../report/schema.ts';
import { pagePath, permalinkPath } from './base.ts';
import { statusLine } from './case-facts.ts';
import { PRODUCTS } from './products.ts';

/**
 * One case as listings and `api/cases.json` show it: what the article declares joined with what
 * the verification report computed. Pure, so pages, the API and tests share one shape. Strings are
 * the author's plain text (a title may hold `<`), never HTML: whatever shows them escapes them.
 */

export interface CaseSummary {
	id: string;
	title: string;
	description?: string;
	/** Path of the article, base included: where the case lives today. */
	url: string;
	/** Path of `/cases/<id>/`, base included: the address that never changes. */
	permalink: string;
	product: string;
	component: string;
	chart: { repository: string; name: string };
	/** Chart versions the verifier found affected. */
	affected: string[];
	/** The range the article declares, e.g. `>=1.13.0 <1.13.2`. */
	affectedRange: string;
	/**
	 * For a regression, the first version after the affected ones that passes; for a transition,
	 * the version that changes behaviour; for a pitfall, where the chart's own remedy arrives.
	 */
	fixedIn: string | null;
	/** How to read `affected` and `fixedIn`: see caseKindSchema in case/schema.ts. */
	kinds: CaseKind[];
	/** The status line the page shows, worded per kind (never "fixed" for a pitfall or transition). */
	statusLine: string;
	/** Who is hit, what to do now, how to confirm; each with how it is known. */
	answer?: Answer;
	/** For a pitfall: the setting that never does what it seems, and what works per version range. */
	pitfall?: { setting: string; versions: string; instead: Array<{ versions: string; text: string }> };
	/** The article's short status line, e.g. `Fixed in 1.13.2`. */
	status?: string;
	verification: 'passed' | 'failed';
	verifiedAt: string;
	/** Helm versions every check ran under. */
	helm: string[];
	/** `skipped` checks were not run in this build (see CheckReport). */
	checks: Array<{ id: string; title: string; status: CheckReport['status']; chartVersions: string[] }>;
	/** The case's pages in other languages (same checks); `stale` when the English page changed since. */
	translations?: Array<{ lang: string; title: string; url: string; permalink: string; stale: boolean }>;
	/**
	 * How to recognise the case in a release (since apiVersion 3): the charts the rules are
	 * written for, and rules `{ id, title, all | any: [condition...] }`. The case applies when any
	 * rule matches. A condition is `{ values: { path, equals?, not? } }` (a path the user's values
	 * set, or set to `equals`), `{ chartVersion: <semver range> }`, `{ all: [...] }`, `{ any: [...] }`,
	 * or one assertion of the checks' vocabulary on the rendered manifest (`documentExists`,
	 * `hasDocuments`, `exists`, `equal`, `contains`, `isSubset`, `matchRegex`, `lengthEqual`,
	 * `failedTemplate`; see docs/authoring.md), which holds when it would pass as a check.
	 * Absent when the case has no rules.
	 */
	detect?: NonNullable<CaseReport['detect']>;
}

export interface CaseSource {
	/** Collection slug of the article. */
	slug: string;
	title: string;
	description?: string;
	case: CaseFrontmatter;
	report: CaseReport;
}

export function caseSummary(source: CaseSource, base: string): CaseSummary {
	const { case: declared, report } = source;
	if (report.id !== declared.id) {
		throw new Error(`The report entry "${report.id}" was joined to case "${declared.id}".`);
	}
	return {
		id: declared.id,
		title: source.title,
		...(source.description ? { description: source.description } : {}),
		url: pagePath(source.slug, base),
		permalink: permalinkPath(declared.id, base),
		product: declared.product,
		component: declared.component,
		chart: { repository: declared.chart.repository, name: declared.chart.name },
		affected: [...report.affected.versions],
		affectedRange: declared.affected,
		fixedIn: declared.fixedIn,
		kinds: [...declared.kinds],
		statusLine: statusLine(declared.kinds, report.affected.versions, declared.fixedIn, report.pitfall && Object.keys(report.pitfall.byVersion)),
		...(declared.answer ? { answer: declared.answer } : {}),
		...(declared.pitfall
			? {
					pitfall: {
						setting: declared.pitfall.setting,
						versions: declared.pitfall.versions,
						instead: declared.pitfall.instead.map(({ versions, text }) => ({ versions, text })),
					},
				}
			: {}),
		...(declared.status ? { status: declared.status } : {}),
		verification: report.status,
		verifiedAt: report.verifiedAt,
		helm: [...report.helm],
		checks: report.checks.map((check) => ({
			id: check.id,
			title: check.title,
			status: check.status,
			chartVersions: check.versions.map((v) => v.version),
		})),
		...(report.detect ? { detect: report.detect } : {}),
	};
}

const productOrder = new Map<string, number>(PRODUCTS.map((p, i) => [p.id, i]));
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Listing order: products as in the sidebar, then title. */
export function sortCases(cases: readonly CaseSummary[]): CaseSummary[] {
	return [...cases].sort(
		(a, b) =>
			(productOrder.get(a.product) ?? 99) - (productOrder.get(b.product) ?? 99) ||
			collator.compare(a.title, b.title) ||
			collator.compare(a.id, b.id),
	);
}

/** 3: each case carries its detection rules (`detect`). */
export const CASES_API_VERSION = 3;

export interface CasesApi {
	apiVersion: number;
	generatedAt: string;
	helm: string[];
	cases: CaseSummary[];
}

export function casesApi(cases: readonly CaseSummary[], report: Pick<Report, 'generatedAt' | 'helm'>): CasesApi {
	return {
		apiVersion: CASES_API_VERSION,
		generatedAt: report.generatedAt,
		helm: report.helm.map((h) => h.version),
		cases: sortCases(cases),
	};
}
