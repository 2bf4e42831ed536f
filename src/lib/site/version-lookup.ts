import type { CaseKind } from '../case/schema.ts';
import type { Verdict } from '../report/schema.ts';
import type { LookupKey, LookupWords } from '../i18n/ui.ts';

/**
 * The "Am I affected?" answer for one typed chart version. This module runs in the browser (the
 * component's script bundles it), so it has no dependencies (its words are passed in): versions are matched exactly against
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

/** `{{name}}` placeholders filled (the same syntax as the UI table's, without importing it here). */
function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function headlineOf(verdict: LookupVerdict, words: LookupWords): string {
	return verdict === 'empty' ? '' : words[`casebook.lookup.${verdict}`];
}

/** A transition has no "fixed": versions are before or after the change. */
function transitionHeadline(verdict: LookupVerdict, words: LookupWords): string | undefined {
	if (verdict === 'affected') return words['casebook.lookup.before'];
	if (verdict === 'fixed' || verdict === 'not-affected') return words['casebook.lookup.after'];
	return undefined;
}

function isTransition(data: LookupData): boolean {
	return data.kinds.includes('transition') && !data.kinds.includes('regression');
}

function answerLine(answer: LookupAnswer, version: string, data: LookupData, words: LookupWords): string {
	const name = `${answer.repository}/${answer.chart} ${version}`;
	const say = (key: LookupKey, values: Record<string, string> = {}) => fill(words[key], { name, fixed: data.fixedIn ?? '', ...values });
	const isCaseChart = answer.repository === data.caseChart.repository && answer.chart === data.caseChart.name;
	if (isTransition(data) && data.fixedIn && answer.verdict !== 'not-applicable') {
		return say(answer.verdict === 'affected' ? 'casebook.lookup.line.beforeChange' : 'casebook.lookup.line.afterChange');
	}
	if (data.kinds.includes('pitfall') && !data.kinds.includes('regression') && answer.verdict !== 'not-applicable') {
		if (answer.verdict === 'affected' && data.fixedIn) return say('casebook.lookup.line.beforeSwitch');
		return say(data.fixedIn ? 'casebook.lookup.line.hasSwitch' : 'casebook.lookup.line.hasLater');
	}
	// With a pitfall as well, "not affected" speaks only of the regression: say so.
	if (data.kinds.includes('pitfall') && pitfallAt(data, version) !== undefined) {
		if (answer.verdict === 'fixed' && data.fixedIn) return say('casebook.lookup.line.fixedPitfall');
		if (answer.verdict === 'not-affected') return say('casebook.lookup.line.predatesPitfall');
	}
	switch (answer.verdict) {
		case 'affected':
			return say(isCaseChart && data.fixedIn ? 'casebook.lookup.line.affectedUpgrade' : 'casebook.lookup.line.affected');
		case 'fixed':
			return say(isCaseChart && data.fixedIn ? 'casebook.lookup.line.fixedFrom' : 'casebook.lookup.line.fixed');
		case 'not-affected':
			return say('casebook.lookup.line.predates');
		case 'not-applicable':
			return answer.reason
				? say('casebook.lookup.line.notApplicableWhy', { reason: sentence(answer.reason) })
				: say('casebook.lookup.line.notApplicable');
	}
}

/** Ends a reason with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?。！？]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function checkedSpans(data: LookupData, words: LookupWords): string {
	return data.charts
		.map((c) => `${c.repository}/${c.chart} ${c.first === c.last ? c.first : fill(words['casebook.lookup.line.span'], { first: c.first, last: c.last })}`)
		.join(words['casebook.lookup.list']);
}

/**
 * The answer worded in the page's language: `words` are that language's `casebook.lookup.*`
 * strings (lookupWords in src/lib/i18n/ui.ts). Reasons and the pitfall's text come from the
 * verification report and stay as written there.
 */
export function describeLookup(result: LookupResult, data: LookupData, words: LookupWords): LookupMessage {
	const headline = headlineOf(result.verdict, words);
	switch (result.verdict) {
		case 'empty':
			return { headline, lines: [] };
		case 'invalid': {
			const partial = /^[vV]?\d+(\.\d+)?$/.test(result.input);
			return { headline, lines: [fill(words[partial ? 'casebook.lookup.line.partial' : 'casebook.lookup.line.invalid'], { input: result.input })] };
		}
		case 'unknown':
			return {
				headline,
				lines: [
					fill(words['casebook.lookup.line.unknown'], {
						version: result.version!,
						nearest: neighbours(data, result.version!, words),
						checked: checkedSpans(data, words),
					}),
				],
			};
		default: {
			const lines = result.answers.map((a) => answerLine(a, result.version!, data, words));
			const instead = pitfallAt(data, result.version!);
			if (instead !== undefined) {
				lines.push(fill(words['casebook.lookup.line.pitfall'], { setting: sentence(data.pitfall!.setting), version: result.version!, instead: sentence(instead) }));
			}
			return { headline: (isTransition(data) ? transitionHeadline(result.verdict, words) : undefined) ?? headline, lines };
		}
	}
}

/** " Nearest rendered: 1.13.1 (affected) and 1.13.2 (fixed)." for a version between rendered ones. */
function neighbours(data: LookupData, version: string, words: LookupWords): string {
	const known = Object.keys(data.versions).sort(compareVersions);
	const lower = known.filter((v) => compareVersions(v, version) < 0).at(-1);
	const higher = known.find((v) => compareVersions(v, version) > 0);
	const shown = [lower, higher]
		.filter((v): v is string => v !== undefined)
		.map((v) => `${v} (${data.versions[v]!.map(([, verdict]) => headlineOf(verdict, words).toLowerCase()).join(', ')})`);
	return shown.length ? fill(words['casebook.lookup.line.nearest'], { versions: shown.join(words['casebook.lookup.and']) }) : '';
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
export function lookupUpgrade(
	data: LookupData,
	fromRaw: string,
	toRaw: string,
	words: LookupWords,
): { verdict: UpgradeVerdict; headline: string; lines: string[] } {
	if (fromRaw.trim() === '' || toRaw.trim() === '') return { verdict: 'empty', headline: '', lines: [] };
	const from = lookupVersion(data, fromRaw);
	const to = lookupVersion(data, toRaw);
	for (const side of [from, to]) {
		if (side.verdict === 'invalid' || side.verdict === 'unknown') {
			return { verdict: side.verdict, headline: headlineOf(side.verdict, words), lines: describeLookup(side, data, words).lines };
		}
	}
	const before = (result: LookupResult) => result.answers.some((a) => a.verdict === 'affected');
	const values = { from: from.version!, to: to.version!, change: data.fixedIn ?? words['casebook.lookup.upgrade.theChange'] };
	if (before(from) && !before(to)) {
		return {
			verdict: 'crosses',
			headline: fill(words['casebook.lookup.upgrade.crosses'], values),
			lines: [fill(words['casebook.lookup.upgrade.crossesLine'], values)],
		};
	}
	return {
		verdict: 'no-change',
		headline: words['casebook.lookup.upgrade.none'],
		lines: [fill(words[before(from) ? 'casebook.lookup.upgrade.bothBefore' : 'casebook.lookup.upgrade.bothAfter'], values)],
	};
}
