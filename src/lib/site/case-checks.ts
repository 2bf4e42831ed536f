import { h, toHtml } from '@expressive-code/core/hast';
import type { CaseReport } from '../report/schema.ts';
import type { Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/ui.ts';
import { helmVersionLabels, joinWords, summariseVersions } from './case-facts.ts';
import { fragmentFile } from './language-fragments.ts';

/**
 * The list of a case's checks, the targets of its ✓ marks (`#check-<id>`). A file of its own
 * (`<base>verification/<case>.html`, one per language: src/pages/verification/[list].html.ts) that the case page
 * fetches when the list is opened or a `#check-` link is followed: a case with dozens of checks
 * would otherwise weigh on every first visit for a list few readers open.
 */

/** The summary line: how many checks, and whether any did not run in this build. */
export function caseChecksSummary(report: Pick<CaseReport, 'checks'>, lang?: string): string {
	// A failed report never reaches the site; a check can still have been skipped (no configured
	// helm could run it), and the summary must not call it passed.
	const notRun = report.checks.filter((check) => check.status === 'skipped').length;
	const total = report.checks.length;
	const summary =
		notRun === 0
			? translate(lang, 'casebook.checks.allPassed', { count: total })
			: translate(lang, 'casebook.checks.someNotRun', { passed: total - notRun, notRun });
	return translate(lang, 'casebook.checks.summary', { summary });
}

/** Where the list of a case's checks lives, per language: `verification/<case>.html`, `verification/<case>.zh-cn.html`. */
export function caseChecksFile(caseId: string, locale: Pick<Locale, 'dir'>): string {
	return fragmentFile('verification', caseId, locale);
}

/** The `<ol>` of every check with the versions it rendered and the Helm releases. */
export function caseChecksFragment(report: Pick<CaseReport, 'checks'>, lang?: string): string {
	const items = report.checks.map((check) =>
		h('li', { id: `check-${check.id}`, dataCaseCheck: check.id }, [
			check.title,
			check.status === 'skipped'
				? [' ', h('strong', `(${translate(lang, 'casebook.checks.notRun', { reason: check.reason ?? translate(lang, 'casebook.evidence.notRun') })})`)]
				: [],
			' ',
			h('span.cb-case-checks-runs', [
				'(',
				check.versions.length > 0
					? `${summariseVersions(check.versions.map((v) => v.version))}; Helm ${joinWords(helmVersionLabels(check.helm), lang)}; `
					: '',
				h('code', check.id),
				')',
			]),
		].flat()),
	);
	return `${toHtml(h('ol', items))}\n`;
}
