import type { CaseReport, CheckReport, SnippetReport } from '../../lib/report/schema.ts';
import { dayOf, helmVersionLabels, summariseVersions } from '../../lib/site/case-facts.ts';

/**
 * What a code block is, as far as the reader needs to know: verified by checks (and which),
 * illustrative, or (a state the verifier forbids, shown loudly if it ever slips through)
 * unverified. Pure: decided from the block's meta options and the case's report entry.
 */

export type SnippetState =
	/** Not in a case article and no id: left exactly as Expressive Code rendered it. */
	| { kind: 'plain' }
	/** Not in a case article, but with an id: only the anchor and the copy-link control. */
	| { kind: 'anchor'; id: string }
	| { kind: 'illustrative'; id?: string }
	| { kind: 'unverified'; id?: string; reason: string }
	| {
			kind: 'verified';
			id: string;
			caseId: string;
			/** Site slug of the article (`tempo/ingester-statefulset-missing`). */
			slug: string;
			snippet: SnippetReport;
			/** The checks that apply the snippet and ran, in report order. */
			checks: CheckReport[];
			/** Those that apply it but were not run in this build (status `skipped`); the panel lists them as such. */
			notRun: CheckReport[];
			/** True when the version matrix also renders with this snippet. */
			matrix: boolean;
			/** The badge line in parts: `tempo-distributed 1.13.0, 1.13.1`, `Helm 3.17.3, 4.1.4`, `2026-11-22`. */
			badge: string[];
	  };

export interface BlockMeta {
	id?: string;
	illustrative: boolean;
	/** The code as the page shows it (Expressive Code's text of the block). */
	code?: string;
}

/** The pseudo check id the report uses for snippets applied by matrix segments. */
const MATRIX = 'matrix';

export function snippetState(meta: BlockMeta, report: CaseReport | undefined): SnippetState {
	const { id, illustrative } = meta;
	if (!report) {
		if (illustrative) return id ? { kind: 'illustrative', id } : { kind: 'illustrative' };
		return id ? { kind: 'anchor', id } : { kind: 'plain' };
	}
	if (illustrative) return id ? { kind: 'illustrative', id } : { kind: 'illustrative' };
	if (!id) {
		return { kind: 'unverified', reason: 'this block has no id and is not marked illustrative' };
	}
	const snippet = report.snippets.find((s) => s.id === id);
	if (!snippet || snippet.checks.length === 0) {
		return { kind: 'unverified', id, reason: 'no check in the verification report applies this snippet' };
	}
	// "Verified" is only ever said of the bytes that were rendered.
	if (meta.code !== undefined && meta.code.replace(/\n$/, '') !== snippet.text.replace(/\n$/, '')) {
		throw new Error(
			`${report.file}: the code block "${id}" shows other text than the snippet the checks rendered (report line ${snippet.line}). Run \`npm run verify\`.`,
		);
	}
	const applying = report.checks.filter((check) => snippet.checks.includes(check.id));
	const checks = applying.filter((check) => check.status !== 'skipped');
	const notRun = applying.filter((check) => check.status === 'skipped');
	const matrix = snippet.checks.includes(MATRIX);
	// A check that did not run verifies nothing: a snippet with only such checks is not verified.
	if (checks.length === 0 && !matrix) {
		const reasons = [...new Set(notRun.map((check) => check.reason ?? 'not run'))].join('; ');
		return { kind: 'unverified', id, reason: `its ${notRun.length === 1 ? 'check was' : 'checks were'} not run in this build (${reasons})` };
	}
	return {
		kind: 'verified',
		id,
		caseId: report.id,
		slug: report.slug,
		snippet,
		checks,
		notRun,
		matrix,
		badge: badgeText(report, checks, matrix),
	};
}

function badgeText(report: CaseReport, checks: CheckReport[], matrix: boolean): string[] {
	const byChart = new Map<string, { repository: string; name: string; versions: string[] }>();
	for (const check of checks) {
		for (const v of check.versions) {
			const key = `${v.repository}/${v.name}`;
			const chart = byChart.get(key) ?? { repository: v.repository, name: v.name, versions: [] };
			chart.versions.push(v.version);
			byChart.set(key, chart);
		}
	}
	// The repository only matters when the checks span more than one.
	const repositories = new Set([...byChart.values()].map((c) => c.repository));
	const scope = [...byChart.values()].map(
		(c) => `${repositories.size > 1 ? `${c.repository}/` : ''}${c.name} ${summariseVersions(c.versions)}`,
	);
	if (matrix) scope.push('version matrix');
	const helm = helmVersionLabels(checks.length > 0 ? checks.flatMap((c) => c.helm) : report.helm);
	return [...scope, `Helm ${helm.join(', ')}`, dayOf(report.verifiedAt)];
}
