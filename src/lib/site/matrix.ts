import semver from 'semver';
import type { CaseReport, MatrixEntry, Verdict } from '../report/schema.ts';
import type { LookupData } from './version-lookup.ts';

/**
 * The computed version matrix, shaped for reading: per chart repository, runs of consecutive
 * versions that share a verdict. A chart with hundreds of releases collapses to a few lines.
 */

export interface VersionRun {
	verdict: Verdict;
	first: string;
	last: string;
	versions: string[];
	/** Why the case does not apply (not-applicable runs). */
	reason?: string;
	/** The failed assertion, when every affected version in the run failed the same one. */
	failure?: string;
}

export interface MatrixChart {
	repository: string;
	chart: string;
	/** Every version rendered for this chart, oldest first. */
	versions: string[];
	runs: VersionRun[];
}

const VERDICT_LABEL: Record<Verdict, string> = {
	affected: 'affected',
	fixed: 'fixed',
	'not-affected': 'not affected',
	'not-applicable': 'not applicable',
};

export function verdictLabel(verdict: Verdict): string {
	return VERDICT_LABEL[verdict];
}

/** `1.13.0` or `1.0.0 – 1.12.0`. */
export function runLabel(run: Pick<VersionRun, 'first' | 'last'>): string {
	return run.first === run.last ? run.first : `${run.first} – ${run.last}`;
}

export function countLabel(count: number): string {
	return count === 1 ? '1 version' : `${count} versions`;
}

function compareVersions(a: string, b: string): number {
	const valid = semver.valid(a) && semver.valid(b);
	return valid ? semver.compare(a, b) : a.localeCompare(b);
}

/** Groups entries per repository/chart (in order of first appearance) into runs of equal verdicts. */
export function groupMatrix(entries: readonly MatrixEntry[]): MatrixChart[] {
	const byChart = new Map<string, MatrixEntry[]>();
	for (const entry of entries) {
		const key = `${entry.repository}/${entry.chart}`;
		const list = byChart.get(key);
		if (list) list.push(entry);
		else byChart.set(key, [entry]);
	}
	return [...byChart.values()].map((list) => {
		const sorted = [...list].sort((a, b) => compareVersions(a.version, b.version));
		const runs: VersionRun[] = [];
		let current: { run: VersionRun; failures: Set<string | undefined> } | undefined;
		for (const entry of sorted) {
			const continues = current && current.run.verdict === entry.verdict && current.run.reason === entry.reason;
			if (current && continues) {
				current.run.versions.push(entry.version);
				current.run.last = entry.version;
				current.failures.add(entry.failure);
				continue;
			}
			if (current) runs.push(finishRun(current));
			current = {
				run: { verdict: entry.verdict, first: entry.version, last: entry.version, versions: [entry.version] },
				failures: new Set([entry.failure]),
			};
			if (entry.reason !== undefined) current.run.reason = entry.reason;
		}
		if (current) runs.push(finishRun(current));
		return {
			repository: sorted[0]!.repository,
			chart: sorted[0]!.chart,
			versions: sorted.map((e) => e.version),
			runs,
		};
	});
}

function finishRun({ run, failures }: { run: VersionRun; failures: Set<string | undefined> }): VersionRun {
	if (run.verdict === 'affected' && failures.size === 1) {
		const [failure] = failures;
		if (failure !== undefined) run.failure = failure;
	}
	return run;
}

/** What the page embeds for the client-side lookup (see version-lookup.ts). */
export function lookupData(
	report: Pick<CaseReport, 'matrix' | 'fixedIn' | 'chart'> & Partial<Pick<CaseReport, 'kinds' | 'pitfall'>>,
): LookupData {
	const charts = groupMatrix(report.matrix);
	const reasons: string[] = [];
	const versions: LookupData['versions'] = {};
	charts.forEach((chart, chartIndex) => {
		for (const run of chart.runs) {
			let reasonIndex: number | undefined;
			if (run.reason !== undefined) {
				reasonIndex = reasons.indexOf(run.reason);
				if (reasonIndex === -1) reasonIndex = reasons.push(run.reason) - 1;
			}
			for (const version of run.versions) {
				const row = reasonIndex === undefined
					? ([chartIndex, run.verdict] as [number, Verdict])
					: ([chartIndex, run.verdict, reasonIndex] as [number, Verdict, number]);
				(versions[version] ??= []).push(row);
			}
		}
	});
	return {
		charts: charts.map((c) => ({
			repository: c.repository,
			chart: c.chart,
			first: c.versions[0]!,
			last: c.versions.at(-1)!,
			count: c.versions.length,
		})),
		reasons,
		versions,
		fixedIn: report.fixedIn,
		caseChart: report.chart,
		kinds: report.kinds ?? ['regression'],
		...(report.pitfall ? { pitfall: report.pitfall } : {}),
	};
}
