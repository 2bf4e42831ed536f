import { h, toHtml } from '@expressive-code/core/hast';
import type { CaseReport } from '../report/schema.ts';
import { helmVersionLabels, joinWords, summariseVersions } from './case-facts.ts';

/**
 * The list of a case's checks, the targets of its ✓ marks (`#check-<id>`). A file of its own
 * (`<base>verification/<case>.html`, src/pages/verification/[case].html.ts) that the case page
 * fetches when the list is opened or a `#check-` link is followed: a case with dozens of checks
 * would otherwise weigh on every first visit for a list few readers open.
 */

/** The summary line: how many checks, and whether any did not run in this build. */
export function caseChecksSummary(report: Pick<CaseReport, 'checks'>): string {
	// A failed report never reaches the site; a check can still have been skipped (no configured
	// helm could run it), and the summary must not call it passed.
	const notRun = report.checks.filter((check) => check.status === 'skipped').length;
	const total = report.checks.length;
	return notRun === 0 ? `${total} checks, all passed` : `${total - notRun} checks passed, ${notRun} not run in this build`;
}

/** The `<ol>` of every check with the versions it rendered and the Helm releases. */
export function caseChecksFragment(report: Pick<CaseReport, 'checks'>): string {
	const items = report.checks.map((check) =>
		h('li', { id: `check-${check.id}`, dataCaseCheck: check.id }, [
			check.title,
			check.status === 'skipped' ? [' ', h('strong', `(not run: ${check.reason ?? 'not run'})`)] : [],
			' ',
			h('span.cb-case-checks-runs', [
				'(',
				check.versions.length > 0
					? `${summariseVersions(check.versions.map((v) => v.version))}; Helm ${joinWords(helmVersionLabels(check.helm))}; `
					: '',
				h('code', check.id),
				')',
			]),
		].flat()),
	);
	return `${toHtml(h('ol', items))}\n`;
}
