import semver from 'semver';
import type { Pitfall } from '../case/schema.ts';
import { isYaml, snippetFileName } from '../article/snippets.ts';
import { reproduceCommand } from '../helm/args.ts';
import type {
	CaseReport,
	CheckReport,
	ChartVersionInfo,
	MatrixEntry,
	Report,
	SnippetReport,
} from '../report/schema.ts';
import { REPORT_VERSION } from '../report/schema.ts';
import type { HelmBinary, ResolvedChart } from '../render/types.ts';
import type { CaseArticle } from './articles.ts';
import type { UseOutcome } from './evaluate.ts';
import { excerptOf } from './excerpt.ts';
import type { MatrixVerdict } from './matrix.ts';
import type { SkippedCheck } from './plan.ts';
import { publishedDetect } from '../check/publish.ts';

export interface CaseResult {
	article: CaseArticle;
	/** Outcomes of every render use of this case's checks, in plan order. */
	checkOutcomes: UseOutcome[];
	/** Checks no configured helm may run. */
	skippedChecks: SkippedCheck[];
	verdicts: MatrixVerdict[];
	/** Problems found in the matrix or the declared range: they fail the case. */
	matrixFailed: boolean;
}

export function buildCaseReport(result: CaseResult, verifiedAt: string): CaseReport {
	const { article } = result;
	const c = article.case;
	const checks = c.checks.map((_, index) =>
		buildCheckReport(
			article,
			index,
			result.checkOutcomes.filter((o) => o.use.owner.kind === 'check' && o.use.owner.index === index),
			result.skippedChecks.find((s) => s.owner.index === index),
		),
	);
	const helm = uniqueHelmVersions(result.checkOutcomes.map((o) => o.use.helm));
	// A skipped check fails nothing; it is not verified either, and says so itself (status, reason).
	const status = checks.every((check) => check.status !== 'failed') && !result.matrixFailed ? 'passed' : 'failed';
	return {
		id: c.id,
		title: article.title,
		file: article.file,
		slug: article.slug,
		sourceHash: article.sourceHash,
		product: c.product,
		component: c.component,
		chart: c.chart,
		affected: {
			declared: c.affected,
			versions: result.verdicts.filter((v) => v.verdict === 'affected').map((v) => v.version),
		},
		fixedIn: c.fixedIn,
		kinds: c.kinds,
		...(c.pitfall ? { pitfall: pitfallReport(c.pitfall, checks) } : {}),
		status,
		verifiedAt,
		helm,
		snippets: article.snippets.filter((s) => s.id).map((s) => snippetReport(article, s.id!)),
		checks,
		matrix: result.verdicts.map(
			(v): MatrixEntry => ({
				repository: v.repository,
				chart: v.chart,
				version: v.version,
				verdict: v.verdict,
				digest: v.digest,
				reason: v.reason,
				failure: v.failure,
			}),
		),
		...(c.detect ? { detect: publishedDetect(c.detect, c.chart) } : {}),
	};
}

/** Which `instead` entry applies to each rendered version: the versions its check rendered. */
function pitfallReport(pitfall: Pitfall, checks: CheckReport[]): NonNullable<CaseReport['pitfall']> {
	const byVersion: Record<string, number> = {};
	pitfall.instead.forEach((entry, index) => {
		for (const version of checks.find((check) => check.id === entry.check)?.versions ?? []) byVersion[version.version] = index;
	});
	return { setting: pitfall.setting, instead: pitfall.instead.map((entry) => entry.text), byVersion };
}

function snippetReport(article: CaseArticle, id: string): SnippetReport {
	const snippet = article.snippets.find((s) => s.id === id)!;
	return {
		id,
		lang: snippet.lang,
		title: snippet.title,
		line: snippet.line,
		illustrative: snippet.illustrative,
		fileName: snippetFileName({ ...snippet, id }),
		text: snippet.text,
		checks: [
			...article.case.checks.filter((check) => check.values.includes(id)).map((check) => check.id),
			...(isYaml(snippet) && article.case.matrix.some((m) => m.values.includes(id)) ? ['matrix'] : []),
		],
	};
}

function buildCheckReport(article: CaseArticle, index: number, outcomes: UseOutcome[], skipped?: SkippedCheck): CheckReport {
	const check = article.case.checks[index]!;
	const renders = skipped
		? uniqueCharts(skipped.renders.map((r) => r.chart)).map((chart) => skipped.renders.find((r) => r.chart === chart)!)
		: uniqueCharts(outcomes.map((o) => o.use.chart)).map((chart) => ({
				chart,
				settings: outcomes.find((o) => o.use.chart === chart)!.use.request,
			}));
	const first = renders[0]?.settings;
	// Planning gives every check at least one chart version, run or skipped.
	if (!first) throw new Error(`check "${check.id}" of ${article.file} has neither renders nor a reason to skip them`);
	const failedRender = outcomes.find((o) => o.exitCode !== 0);
	const expectsFailure = check.expect.some((e) => e.kind === 'failedTemplate');
	return {
		id: check.id,
		title: check.title,
		status: skipped ? 'skipped' : outcomes.every((o) => o.passed) ? 'passed' : 'failed',
		reason: skipped?.reason,
		chart: check.chart ?? article.case.chart,
		versions: renders.map((r) => chartVersionInfo(r.chart)),
		helm: uniqueHelmVersions(outcomes.map((o) => o.use.helm)),
		release: first.release,
		namespace: first.namespace,
		values: check.values,
		set: first.set,
		error: expectsFailure && failedRender ? failedRender.stderr.trim() : undefined,
		reproduce: {
			setup: reproduceCommand(first).setup,
			commands: renders.map((r) => ({ version: r.chart.version, command: reproduceCommand(r.settings).command })),
			files: first.valuesFiles.map((file) => file.name),
		},
		excerpts: excerptsFor(outcomes),
		// A check over every version has hundreds of runs with the same assertion list; the report
		// keeps the list on the first run and on failed ones (a real case's report was 3 to 4 MB,
		// three quarters of it repeated lists of passed assertions).
		runs: outcomes.map((o, i) => ({
			version: o.use.chart.version,
			helm: o.use.helm.version,
			passed: o.passed,
			exitCode: o.exitCode,
			cached: o.cached,
			...(i === 0 || !o.passed
				? { assertions: o.assertions.map(({ index: a, kind, label, passed, message }) => ({ index: a, kind, label, passed, message })) }
				: {}),
		})),
		...article.locate(['case', 'checks', index, 'id']),
	};
}

/** Documents the assertions (or the check's `excerpt`) selected, from the first render that has them. */
function excerptsFor(outcomes: UseOutcome[]) {
	const source = outcomes.find((o) => o.documents.length > 0);
	if (!source) return [];
	return source.documents.slice(0, 4).map((document) => ({
		document: nameOf(document),
		source: document.source,
		version: source.use.chart.version,
		...excerptOf(document),
	}));
}

function nameOf(document: { kind: string; name: string }): string {
	return `${document.kind}/${document.name}`;
}

function uniqueCharts(charts: ResolvedChart[]): ResolvedChart[] {
	const seen = new Map<string, ResolvedChart>();
	for (const chart of charts) seen.set(`${chart.repository}/${chart.name}@${chart.version}`, chart);
	return [...seen.values()].sort((a, b) => semver.compare(a.version, b.version));
}

function uniqueHelmVersions(helms: HelmBinary[]): string[] {
	return [...new Set(helms.map((helm) => helm.version))];
}

function chartVersionInfo(chart: ResolvedChart): ChartVersionInfo {
	return { repository: chart.repository, name: chart.name, version: chart.version, digest: chart.digest, origin: chart.origin };
}

export function buildReport(input: {
	cases: CaseReport[];
	helms: HelmBinary[];
	generatedAt: string;
	stats: Report['stats'];
}): Report {
	return {
		reportVersion: REPORT_VERSION,
		generatedAt: input.generatedAt,
		helm: input.helms.map((h) => ({ major: h.major, version: h.version, source: h.source, sha256: h.sha256 })),
		status: input.cases.every((c) => c.status === 'passed') ? 'passed' : 'failed',
		missing: [],
		cases: input.cases,
		stats: input.stats,
	};
}
