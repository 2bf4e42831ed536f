import type { Verdict } from '../report/schema.ts';

/**
 * The "Am I affected?" answer for one typed chart version. This module runs in the browser (the
 * component's script bundles it), so it has no dependencies: versions are matched exactly against
 * the matrix the verifier computed, never by range arithmetic.
 */

/** One chart the matrix covers, with the span of versions that were rendered. */
export interface LookupChart {
	repository: string;
	chart: string;
	first: string;
	last: string;
	count: number;
}

/**
 * The matrix as the page embeds it: per version, `[chart index, verdict, reason index?]` for each
 * chart (repository) that has that version.
 */
export interface LookupData {
	charts: LookupChart[];
	reasons: string[];
	versions: Record<string, Array<[number, Verdict] | [number, Verdict, number]>>;
	/** The case's own chart and its fix, for advice on affected versions. */
	fixedIn: string | null;
	caseChart: { repository: string; name: string };
}

export type LookupVerdict = Verdict | 'unknown' | 'invalid' | 'empty';

export interface LookupAnswer {
	repository: string;
	chart: string;
	verdict: Verdict;
	reason?: string;
}

export interface LookupResult {
	verdict: LookupVerdict;
	/** The input as typed, trimmed. */
	input: string;
	/** The normalised version when the input is one. */
	version?: string;
	/** One answer per chart repository that has this version. */
	answers: LookupAnswer[];
}

const FULL_VERSION =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** `' v1.13.0 '` -> `'1.13.0'`; anything that is not a full semver version -> undefined. */
export function normaliseVersionInput(raw: string): string | undefined {
	const candidate = raw.trim().replace(/^[vV](?=\d)/, '');
	return FULL_VERSION.test(candidate) ? candidate : undefined;
}

/** When repositories disagree about one version, the page leads with the answer that needs action. */
const SEVERITY: Verdict[] = ['affected', 'not-applicable', 'fixed', 'not-affected'];

export function lookupVersion(data: LookupData, raw: string): LookupResult {
	const input = raw.trim();
	if (input === '') return { verdict: 'empty', input, answers: [] };
	const version = normaliseVersionInput(input);
	if (version === undefined) return { verdict: 'invalid', input, answers: [] };
	const rows = Object.hasOwn(data.versions, version) ? data.versions[version]! : [];
	const answers = rows.map(([chartIndex, verdict, reasonIndex]): LookupAnswer => {
		const chart = data.charts[chartIndex]!;
		const answer: LookupAnswer = { repository: chart.repository, chart: chart.chart, verdict };
		if (reasonIndex !== undefined) answer.reason = data.reasons[reasonIndex];
		return answer;
	});
	if (answers.length === 0) return { verdict: 'unknown', input, version, answers };
	const verdict = SEVERITY.find((v) => answers.some((a) => a.verdict === v))!;
	return { verdict, input, version, answers };
}

export interface LookupMessage {
	/** Short, bold lead: "Affected", "Not affected", ... */
	headline: string;
	/** One sentence per answer (or one for unknown/invalid input). */
	lines: string[];
}

const HEADLINE: Record<LookupVerdict, string> = {
	affected: 'Affected',
	fixed: 'Not affected (fixed)',
	'not-affected': 'Not affected',
	'not-applicable': 'Not applicable',
	unknown: 'Not in the verified matrix',
	invalid: 'Not a chart version',
	empty: '',
};

function answerLine(answer: LookupAnswer, version: string, data: LookupData): string {
	const name = `${answer.repository}/${answer.chart} ${version}`;
	const isCaseChart = answer.repository === data.caseChart.repository && answer.chart === data.caseChart.name;
	switch (answer.verdict) {
		case 'affected':
			return isCaseChart && data.fixedIn
				? `${name} is affected. Upgrade to ${data.fixedIn} or later.`
				: `${name} is affected.`;
		case 'fixed':
			return isCaseChart && data.fixedIn
				? `${name} is not affected: it includes the fix from ${data.fixedIn}.`
				: `${name} is not affected: it includes the fix.`;
		case 'not-affected':
			return `${name} is not affected: it predates the problem.`;
		case 'not-applicable':
			return answer.reason
				? `${name}: this case does not apply. ${sentence(answer.reason)}`
				: `${name}: this case does not apply.`;
	}
}

/** Ends a reason with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function checkedSpans(data: LookupData): string {
	return data.charts
		.map((c) => `${c.repository}/${c.chart} ${c.first === c.last ? c.first : `${c.first} to ${c.last}`}`)
		.join('; ');
}

export function describeLookup(result: LookupResult, data: LookupData): LookupMessage {
	const headline = HEADLINE[result.verdict];
	switch (result.verdict) {
		case 'empty':
			return { headline, lines: [] };
		case 'invalid': {
			const partial = /^[vV]?\d+(\.\d+)?$/.test(result.input);
			return {
				headline,
				lines: [
					partial
						? `“${result.input}” is not a full chart version. Type all three parts, for example 1.13.0.`
						: `“${result.input}” is not a chart version. Type one such as 1.13.0.`,
				],
			};
		}
		case 'unknown':
			return {
				headline,
				lines: [`${result.version} was not rendered for this case. Checked: ${checkedSpans(data)}.`],
			};
		default:
			return { headline, lines: result.answers.map((a) => answerLine(a, result.version!, data)) };
	}
}
