import semver from 'semver';
import { summariseVersions } from '../charts/version-list.ts';
import type { Verdict } from '../report/schema.ts';

/** The outcome of one matrix version, across every helm that rendered it. */
export interface MatrixObservation {
	repository: string;
	chart: string;
	version: string;
	digest: string;
	notApplicable?: string;
	/** Per helm: did the healthy (or by-design) assertions pass? */
	results: Array<{ helm: string; passed: boolean; failure?: string }>;
}

export interface MatrixVerdict {
	repository: string;
	chart: string;
	version: string;
	digest: string;
	verdict: Verdict;
	reason?: string;
	failure?: string;
}

/** A disagreement between what the matrix computes and what the article says. */
export interface MatrixProblem {
	field: 'affected' | 'fixedIn' | 'matrix';
	message: string;
	expected?: string;
	found?: string;
}

const RANGE_OPTIONS = { includePrerelease: true };

export function computeVerdicts(
	observations: MatrixObservation[],
	fixedIn: string | null,
): { verdicts: MatrixVerdict[]; problems: MatrixProblem[] } {
	const problems: MatrixProblem[] = [];
	const verdicts = observations.map((o): MatrixVerdict => {
		const base = { repository: o.repository, chart: o.chart, version: o.version, digest: o.digest };
		const passes = new Set(o.results.map((r) => r.passed));
		const failure = o.results.find((r) => !r.passed)?.failure;
		if (passes.size > 1) {
			problems.push({
				field: 'matrix',
				message: `helm versions disagree on ${o.repository}/${o.chart}@${o.version}: ${o.results
					.map((r) => `${r.helm} ${r.passed ? 'passes' : 'fails'}`)
					.join(', ')}`,
				found: failure,
			});
		}
		const passed = !passes.has(false);
		if (o.notApplicable !== undefined) {
			if (!passed) {
				problems.push({
					field: 'matrix',
					message: `${o.repository}/${o.chart}@${o.version} is declared not applicable, but its assertions fail`,
					expected: o.notApplicable,
					found: failure,
				});
			}
			return { ...base, verdict: 'not-applicable', reason: o.notApplicable };
		}
		if (!passed) return { ...base, verdict: 'affected', failure };
		const fixed = fixedIn !== null && semver.gte(o.version, fixedIn);
		return { ...base, verdict: fixed ? 'fixed' : 'not-affected' };
	});
	return { verdicts: sortVerdicts(verdicts), problems };
}

/** Compares the article's `affected` range and `fixedIn` with the computed matrix. */
export function compareDeclared(
	verdicts: MatrixVerdict[],
	declared: { affected: string; fixedIn: string | null },
): MatrixProblem[] {
	const problems: MatrixProblem[] = [];
	const applicable = verdicts.filter((v) => v.verdict !== 'not-applicable');
	const computed = applicable.filter((v) => v.verdict === 'affected');
	const inRange = applicable.filter((v) => semver.satisfies(v.version, declared.affected, RANGE_OPTIONS));
	const label = (v: MatrixVerdict) => `${v.repository}/${v.version}`;
	const missing = computed.filter((v) => !inRange.includes(v));
	const extra = inRange.filter((v) => v.verdict !== 'affected');
	if (computed.length === 0) {
		problems.push({
			field: 'affected',
			message: 'the matrix computed no affected version: the healthy assertions pass everywhere',
			expected: `versions in "${declared.affected}" failing the matrix assertions`,
			found: 'none',
		});
	} else if (missing.length || extra.length) {
		problems.push({
			field: 'affected',
			message: `the declared affected range "${declared.affected}" differs from the computed one (${summariseVersions(
				computed.map((v) => v.version),
			)})`,
			expected: missing.length ? `also affected: ${missing.map(label).join(', ')}` : undefined,
			found: extra.length ? `in range but passing: ${extra.map(label).join(', ')}` : undefined,
		});
	}
	const lastAffected = computed.map((v) => v.version).sort(semver.compare).at(-1);
	const firstFixed = lastAffected
		? applicable
				.filter((v) => v.verdict !== 'affected' && semver.gt(v.version, lastAffected))
				.map((v) => v.version)
				.sort(semver.compare)[0] ?? null
		: null;
	if (lastAffected && firstFixed !== declared.fixedIn) {
		problems.push({
			field: 'fixedIn',
			message: 'fixedIn is not the first passing version after the affected ones',
			expected: String(firstFixed),
			found: String(declared.fixedIn),
		});
	}
	return problems;
}

export function sortVerdicts<T extends { repository: string; version: string }>(items: T[]): T[] {
	return [...items].sort((a, b) => semver.compare(a.version, b.version) || a.repository.localeCompare(b.repository));
}
