import type { CaseKind } from '../case/schema.ts';
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
	/** How the matrix reads (see caseKindSchema): a transition's `fixedIn` is where behaviour changes. */
	kinds: CaseKind[];
	/** For a pitfall: the setting, what works instead per range, and which range each version is in. */
	pitfall?: { setting: string; instead: string[]; byVersion: Record<string, number> };
}

export type LookupVerdict = Verdict | 'pitfall' | 'unknown' | 'invalid' | 'empty';

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
	const worst = SEVERITY.find((v) => answers.some((a) => a.verdict === v))!;
	// A pitfall holds in every version it covers: such a version is never "not affected".
	const verdict = worst !== 'affected' && pitfallAt(data, version) !== undefined ? 'pitfall' : worst;
	return { verdict, input, version, answers };
}

function pitfallAt(data: LookupData, version: string): string | undefined {
	const index = data.pitfall?.byVersion[version];
	return index === undefined ? undefined : data.pitfall!.instead[index];
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
	pitfall: 'The pitfall applies',
	unknown: 'Not in the verified matrix',
	invalid: 'Not a chart version',
	empty: '',
};

/** A transition has no "fixed": versions are before or after the change. */
const TRANSITION_HEADLINE: Partial<Record<LookupVerdict, string>> = {
	affected: 'Before the change',
	fixed: 'After the change',
	'not-affected': 'After the change',
};

function isTransition(data: LookupData): boolean {
	return data.kinds.includes('transition') && !data.kinds.includes('regression');
}

function answerLine(answer: LookupAnswer, version: string, data: LookupData): string {
	const name = `${answer.repository}/${answer.chart} ${version}`;
	const isCaseChart = answer.repository === data.caseChart.repository && answer.chart === data.caseChart.name;
	if (isTransition(data) && data.fixedIn && answer.verdict !== 'not-applicable') {
		return answer.verdict === 'affected'
			? `${name} is before the change in ${data.fixedIn}. Upgrading from it to ${data.fixedIn} or later crosses the change: read what to do before and during that upgrade.`
			: `${name} has the change from ${data.fixedIn}. An upgrade to it from a version before ${data.fixedIn} crosses the change.`;
	}
	if (data.kinds.includes('pitfall') && !data.kinds.includes('regression') && answer.verdict !== 'not-applicable') {
		return answer.verdict === 'affected' && data.fixedIn
			? `${name} is before ${data.fixedIn}, where the chart's own switch arrives.`
			: `${name} has what ${data.fixedIn ?? 'later versions'} added.`;
	}
	// With a pitfall as well, "not affected" speaks only of the regression: say so.
	if (data.kinds.includes('pitfall') && pitfallAt(data, version) !== undefined) {
		if (answer.verdict === 'fixed' && data.fixedIn) return `${name} has the fix from ${data.fixedIn} for the versions that broke; the pitfall below still applies.`;
		if (answer.verdict === 'not-affected') return `${name} predates the versions that broke; the pitfall below still applies.`;
	}
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
				lines: [`${result.version} is not a release of this chart that was rendered for this case.${neighbours(data, result.version!)} Checked: ${checkedSpans(data)}.`],
			};
		default: {
			const lines = result.answers.map((a) => answerLine(a, result.version!, data));
			const instead = pitfallAt(data, result.version!);
			if (instead !== undefined) lines.push(`In every version: ${sentence(data.pitfall!.setting)} What works in ${result.version}: ${sentence(instead)}`);
			const transitionHeadline = isTransition(data) ? TRANSITION_HEADLINE[result.verdict] : undefined;
			return { headline: transitionHeadline ?? headline, lines };
		}
	}
}

/** " Nearest rendered: 1.13.1 (affected) and 1.13.2 (fixed)." for a version between rendered ones. */
function neighbours(data: LookupData, version: string): string {
	const known = Object.keys(data.versions).sort(compareVersions);
	const lower = known.filter((v) => compareVersions(v, version) < 0).at(-1);
	const higher = known.find((v) => compareVersions(v, version) > 0);
	const shown = [lower, higher]
		.filter((v): v is string => v !== undefined)
		.map((v) => `${v} (${data.versions[v]!.map(([, verdict]) => HEADLINE[verdict].toLowerCase()).join(', ')})`);
	return shown.length ? ` Nearest rendered: ${shown.join(' and ')}.` : '';
}

/** Semver order for the versions this page knows, without a library (this runs in the browser). */
export function compareVersions(a: string, b: string): number {
	const parse = (v: string) => {
		const [core = '', pre] = v.split(/-(.*)/s);
		return { numbers: core.split('.').map(Number), pre };
	};
	const x = parse(a);
	const y = parse(b);
	for (let i = 0; i < 3; i++) {
		const difference = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
		if (difference !== 0) return difference;
	}
	if (x.pre === y.pre) return 0;
	if (x.pre === undefined) return 1;
	if (y.pre === undefined) return -1;
	return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

export type UpgradeVerdict = 'crosses' | 'no-change' | 'invalid' | 'unknown' | 'empty';

/**
 * For a transition: does an upgrade from one version to another cross the change? Both versions
 * must have been rendered; the answer comes from their matrix verdicts, never from ranges.
 */
export function lookupUpgrade(data: LookupData, fromRaw: string, toRaw: string): { verdict: UpgradeVerdict; headline: string; lines: string[] } {
	if (fromRaw.trim() === '' || toRaw.trim() === '') return { verdict: 'empty', headline: '', lines: [] };
	const from = lookupVersion(data, fromRaw);
	const to = lookupVersion(data, toRaw);
	for (const side of [from, to]) {
		if (side.verdict === 'invalid' || side.verdict === 'unknown') {
			return { verdict: side.verdict, headline: HEADLINE[side.verdict], lines: describeLookup(side, data).lines };
		}
	}
	const before = (result: LookupResult) => result.answers.some((a) => a.verdict === 'affected');
	const change = data.fixedIn ?? 'the change';
	if (before(from) && !before(to)) {
		return {
			verdict: 'crosses',
			headline: `This upgrade crosses ${change}`,
			lines: [`${from.version} is before ${change} and ${to.version} after it: follow the steps for this upgrade before you start it.`],
		};
	}
	return {
		verdict: 'no-change',
		headline: 'This upgrade does not cross the change',
		lines: [`${from.version} and ${to.version} are both ${before(from) ? 'before' : 'after'} ${change}.`],
	};
}
