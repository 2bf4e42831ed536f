import { h, toHtml } from '@expressive-code/core/hast';
import type { Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/ui.ts';
import type { CaseReport } from '../report/schema.ts';
import { fragmentFile } from './language-fragments.ts';
import { groupMatrix, runLabel } from './matrix.ts';

/**
 * Every rendered version of a case, per chart and run of equal verdicts: the "Every version of …"
 * lists under the "Am I affected?" tables. A file per case and language
 * (`versions/<case>.html`, `versions/<case>.zh-cn.html`; src/pages/versions/), fetched when a list
 * is opened (lazy-details.ts): a chart line of 247 versions is a lot to send to every reader.
 */

export function versionListFile(caseId: string, locale: Pick<Locale, 'dir'>): string {
	return fragmentFile('versions', caseId, locale);
}

/** One `<dl data-version-list="<repository>/<chart>">` per chart of the case's matrix. */
export function versionListFragment(report: Pick<CaseReport, 'matrix'>, lang?: string): string {
	const count = (n: number) => translate(lang, n === 1 ? 'casebook.versionCount.one' : 'casebook.versionCount.other', { count: n });
	const lists = groupMatrix(report.matrix).map((chart) =>
		h(
			'dl',
			{ dataVersionList: `${chart.repository}/${chart.chart}` },
			chart.runs.flatMap((run) => [
				h('dt', { dataVerdict: run.verdict }, `${runLabel(run)} · ${translate(lang, `casebook.verdict.${run.verdict}`)} · ${count(run.versions.length)}`),
				h('dd', run.versions.join(', ')),
			]),
		),
	);
	return `${toHtml(h('div', lists))}\n`;
}
