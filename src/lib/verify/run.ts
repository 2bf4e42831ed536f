import { join } from 'node:path';
import { obtainChart, versionsOfNamedChart } from '../charts/obtain.ts';
import { resolveVersions } from '../charts/resolve-versions.ts';
import type { ResolvedConfig } from '../config/schema.ts';
import { CasebookError, isCasebookError } from '../errors.ts';
import { resolveHelms } from '../helm/locate.ts';
import { renderBreakdown } from '../helm/breakdown.ts';
import { helmTemplate } from '../helm/template.ts';
import { JsonCache } from '../render/cache.ts';
import type { HelmBinary, RenderRequest, RenderResult, ResolvedChart } from '../render/types.ts';
import type { CaseReport, Report } from '../report/schema.ts';
import { readStoredReport, writeStoredReport } from '../report/store.ts';
import { loadCaseArticles, type CaseArticle } from './articles.ts';
import { evaluateUse, type StoredEvaluation, type UseOutcome } from './evaluate.ts';
import { summariseVersions } from '../charts/version-list.ts';
import { renderCosts, type CaseCost } from './costs.ts';
import { evaluatorVersion } from './evaluator-version.ts';
import { executeJobs } from './execute.ts';
import { breakdownFailure, failureReport, type Failure } from './failures.ts';
import { compareDeclared, computeVerdicts, type MatrixObservation } from './matrix.ts';
import { ownerChart, ownerLabel, ownerPath, ownersOf, planRenders, type RenderJob, type RenderOwner, type RenderUse, type SkippedCheck } from './plan.ts';
import { mapBounded } from './pool.ts';
import { createProgress, type Progress } from './progress.ts';
import { buildCaseReport, buildReport } from './report-builder.ts';
import { mergeReport } from './report-merge.ts';
import { detectionFailures } from '../check/verify-rules.ts';
import type { RenderValidation } from '../validate/finding.ts';
import { validateRender } from '../validate/manifest.ts';
import { snippetFailures, summariseValidation } from '../validate/report.ts';
import { loadSchemaSet, type SchemaSet } from '../validate/schema-set.ts';
import { validatorVersion } from '../validate/version.ts';
import {
	addCosts,
	costGroup,
	importShardCache,
	planFingerprint,
	readCostTable,
	readShards,
	splitJobs,
	teeStore,
	writeCostTable,
	writeShardSummary,
	type ShardSpec,
} from './shard.ts';

export interface VerifyOptions {
	config: ResolvedConfig;
	/** Only these case ids (all when empty). */
	only?: string[];
	progress?: Progress;
	/** Replaces the helm runner; benchmarks use it to count processes. */
	render?: (request: RenderRequest) => Promise<RenderResult>;
	helms?: HelmBinary[];
	now?: () => Date;
	/** Where renders and evaluations are cached; by default the configured cacheDir. */
	renderCacheDir?: string;
	/** Where the report goes; by default the configured path. */
	reportPath?: string;
	/**
	 * Render only this part of the unique renders (see shard.ts), copying every cache entry it uses
	 * into `shardOut` with a `shard.json`; no report is written (the merge writes it).
	 */
	shard?: ShardSpec;
	shardOut?: string;
	/** Shard folders to take cache entries from before verifying (see shard.ts). */
	mergeFrom?: string[];
}

export interface VerifyOutcome {
	/** The report as written: this run's cases merged into the earlier report when `only` is given. */
	report?: Report;
	/** The cases this run verified. */
	verified?: CaseReport[];
	/** Input errors and false claims, each naming a file and line. */
	failures: Failure[];
	stats: {
		renders: number;
		cached: number;
		helmProcesses: number;
		durationMs: number;
		/** Renders schema-validated in this run (not from the cache), the time that took, and their helm time. */
		validated?: number;
		validationMs?: number;
		validatedRenderMs?: number;
	};
	/** Renders per case and per claim (see costs.ts). */
	costs?: CaseCost[];
	/** With `shard`: this shard's part and the whole plan's size. */
	shard?: { renders: number; planRenders: number };
	/** With `mergeFrom`: how many shards were merged. */
	merged?: number;
}

export interface PreparedVerification {
	/** The articles to verify (all, or those `only` selects). */
	articles: CaseArticle[];
	/** Every case id with an article, selected or not. */
	caseIds: string[];
	helms: HelmBinary[];
	jobs: RenderJob[];
	uses: RenderUse[];
	skipped: SkippedCheck[];
}

/**
 * Everything before rendering: read and validate the articles, find helm, resolve and obtain the
 * chart versions, and plan the unique renders. Input problems come back as failures.
 */
export async function prepareVerification(
	options: Pick<VerifyOptions, 'config' | 'only' | 'helms'>,
): Promise<{ prepared?: PreparedVerification; failures: Failure[] }> {
	const { config } = options;
	const loaded = await loadCaseArticles(config.root, config.content);
	// Stale translations still build (their pages say so); the author should hear about them.
	for (const warning of loaded.warnings) process.stderr.write(`warning: ${warning.format()}\n`);
	const articles = loaded.articles.filter((a) => !options.only?.length || options.only.includes(a.case.id));
	if (loaded.errors.length) return { failures: loaded.errors.map(inputFailure) };
	const caseIds = loaded.articles.map((a) => a.case.id);
	const unknown = [...new Set(options.only ?? [])].filter((id) => !caseIds.includes(id));
	if (unknown.length) {
		const error = new CasebookError(`no case has the id ${unknown.map((id) => `"${id}"`).join(', ')}`, {
			file: '--case',
			expected: `one of ${[...caseIds].sort().join(', ')}`,
			found: unknown.join(', '),
		});
		return { failures: [inputFailure(error)] };
	}
	try {
		const helms =
			options.helms ?? (await resolveHelms({ helmBin: config.helmBin, majors: config.helm, cacheDir: config.cacheDir }));
		const charts = await resolveCharts(articles, config, helms[0]!);
		const { jobs, uses, skipped } = planRenders({
			articles,
			helms,
			chartsFor: (article, owner) => charts.get(ownerKey(article, owner)) ?? [],
			kubeVersion: config.kubeVersion,
			timeoutMs: config.renderTimeoutMs,
		});
		return { prepared: { articles, caseIds, helms, jobs, uses, skipped }, failures: [] };
	} catch (error) {
		if (!isCasebookError(error)) throw error;
		return { failures: [inputFailure(error)] };
	}
}

/** Reads every article, renders what its checks need, evaluates them and writes the report. */
export async function verify(options: VerifyOptions): Promise<VerifyOutcome> {
	const started = performance.now();
	const { config } = options;
	const now = options.now ?? (() => new Date());
	const emptyStats = { renders: 0, cached: 0, helmProcesses: 0, durationMs: 0 };
	const { prepared, failures } = await prepareVerification(options);
	if (!prepared) return { failures, stats: emptyStats };
	const { articles, helms, uses, skipped } = prepared;
	const renderCacheDir = options.renderCacheDir ?? config.cacheDir;
	const plan = planFingerprint(prepared.jobs);
	let merged: number | undefined;
	if (options.mergeFrom?.length) {
		try {
			merged = (await readShards(options.mergeFrom, plan)).length;
		} catch (error) {
			if (!isCasebookError(error)) throw error;
			return { failures: [inputFailure(error)], stats: emptyStats };
		}
		for (const dir of options.mergeFrom) await importShardCache(dir, renderCacheDir);
	}
	const costTable = await readCostTable(renderCacheDir);
	const jobs = options.shard ? splitJobs(prepared.jobs, options.shard.count, costTable)[options.shard.index - 1]! : prepared.jobs;
	const renders = new JsonCache<RenderResult>(join(renderCacheDir, 'renders'));
	const evaluations = new JsonCache<StoredEvaluation>(join(renderCacheDir, 'evaluations'));
	const shardOut = options.shard ? (options.shardOut ?? join(config.root, '.casebook', 'shards', `${options.shard.index}-of-${options.shard.count}`)) : undefined;
	const measured: Array<{ group: string; ms: number }> = [];
	const render = options.render ?? ((request: RenderRequest) => helmTemplate(request));
	const progress = options.progress ?? createProgress();
	progress.start(jobs.length);
	const outcomes = new Map<RenderUse, UseOutcome>();
	const validations = new Map<RenderUse, RenderValidation>();
	const schemas = loadSchemaSet();
	const slim = outcomeSlimmer(uses, outcomes);
	const { stats } = await executeJobs(jobs, {
		renders: shardOut ? teeStore(renders, new JsonCache<RenderResult>(join(shardOut, 'renders'))) : renders,
		evaluations: shardOut ? teeStore(evaluations, new JsonCache<StoredEvaluation>(join(shardOut, 'evaluations'))) : evaluations,
		evaluatorVersion: await evaluatorVersion(),
		concurrency: config.concurrency ?? 1,
		async render(request) {
			const result = await render(request);
			measured.push({ group: costGroup(request), ms: result.durationMs });
			return result;
		},
		evaluate: evaluateUse,
		validation: {
			cache: shardOut
				? teeStore(new JsonCache<RenderValidation>(join(renderCacheDir, 'validations')), new JsonCache<RenderValidation>(join(shardOut, 'validations')))
				: new JsonCache<RenderValidation>(join(renderCacheDir, 'validations')),
			validatorVersion: await validatorVersion(schemas),
			validate: (request, result) => validateRender(schemas, result.stdout, request.valuesFiles),
		},
		onDone(job, outcome) {
			if (outcome.validation) for (const use of job.uses) validations.set(use, outcome.validation);
			let failed = false;
			for (const [use, evaluation] of outcome.evaluations) {
				outcomes.set(use, slim(use, { ...evaluation, use, cached: outcome.cached }));
				failed ||= !evaluation.passed && use.owner.kind === 'check';
			}
			progress.tick({ cached: outcome.cached, failed });
		},
		onCorrupt(what, reason) {
			process.stderr.write(`cache entry ${what} was unreadable (${reason}); computing it again\n`);
		},
	});
	progress.finish();
	// Measured render times make the next split by --shard fairer.
	if (measured.length) await writeCostTable(renderCacheDir, addCosts(await readCostTable(renderCacheDir), measured));

	if (options.shard && shardOut) {
		// A shard sees some renders of each case: it reports the checks that failed on them; the
		// matrix and the report need every render and are left to the merge.
		const usesOf = groupByArticle(uses);
		for (const article of articles) {
			const mine = (usesOf.get(article) ?? []).filter((use) => outcomes.has(use)).map((use) => outcomes.get(use)!);
			failures.push(...failureReport(article, mine.filter((o) => o.use.owner.kind === 'check')));
		}
		await writeShardSummary(shardOut, {
			shard: options.shard,
			plan,
			planRenders: prepared.jobs.length,
			renders: jobs.length,
			helmProcesses: stats.helmProcesses,
			failures: failures.length,
		});
		const durationMs = Math.round(performance.now() - started);
		return { failures, stats: { ...stats, durationMs }, shard: { renders: jobs.length, planRenders: prepared.jobs.length } };
	}

	const verifiedAt = now().toISOString();
	const usesOf = groupByArticle(uses);
	const caseReports = articles.map((article) => {
		const mine = (usesOf.get(article) ?? []).map((use) => outcomes.get(use)!);
		// Only renders helm finished say anything about the chart; the others are reported as errors.
		const unfinished = mine
			.filter((o) => o.use.owner.kind === 'matrix')
			.flatMap((o) => breakdownFailure(article, o.use, o) ?? []);
		failures.push(...unfinished);
		const observations = matrixObservations(mine.filter((o) => !renderBreakdown(o)));
		const { verdicts, problems } = computeVerdicts(observations, article.case.fixedIn);
		// With versions missing from the matrix, a comparison with the declared range would be noise.
		const declaredProblems = unfinished.length ? [] : compareDeclared(verdicts, article.case);
		for (const problem of [...problems, ...declaredProblems]) {
			failures.push({
				...article.locate(problem.field === 'matrix' ? ['case', 'matrix'] : ['case', problem.field]),
				message: problem.message,
				detail: [problem.expected && `expected: ${problem.expected}`, problem.found && `found:    ${problem.found}`]
					.filter(Boolean)
					.join('\n'),
			});
		}
		const checkOutcomes = mine.filter((o) => o.use.owner.kind === 'check');
		failures.push(...failureReport(article, checkOutcomes));
		failures.push(...detectionFailures(article, mine));
		const validated = mine.map((o) => ({ use: o.use, validation: validations.get(o.use) }));
		failures.push(...snippetFailures(article, validated, schemas));
		const caseReport = buildCaseReport(
			{
				article,
				checkOutcomes,
				skippedChecks: skipped.filter((s) => s.article === article),
				verdicts,
				matrixFailed: unfinished.length + problems.length + declaredProblems.length > 0,
			},
			verifiedAt,
		);
		return withValidation(caseReport, article, schemas, validated);
	});
	const durationMs = Math.round(performance.now() - started);
	const fresh = buildReport({
		cases: caseReports,
		helms,
		generatedAt: verifiedAt,
		stats: { renders: stats.renders, cached: stats.cached, durationMs },
	});
	const reportPath = options.reportPath ?? config.report;
	// Verifying some cases updates their entries and keeps the others' as they were.
	const previous = options.only?.length ? await readEarlierReport(reportPath) : undefined;
	fresh.validation = {
		schemaSet: schemas.id,
		kubernetesVersion: schemas.kubernetesVersion,
		package: schemas.packageName,
		packageVersion: schemas.packageVersion,
	};
	const report = mergeReport(previous, fresh, prepared.caseIds);
	await writeStoredReport(reportPath, report);
	return { report, verified: caseReports, failures, stats: { ...stats, durationMs }, costs: renderCosts(jobs, uses), merged };
}

/** Each article's uses in plan order (filtering all uses per article is quadratic in the number of cases). */
function groupByArticle(uses: readonly RenderUse[]): Map<CaseArticle, RenderUse[]> {
	const groups = new Map<CaseArticle, RenderUse[]>();
	for (const use of uses) {
		const group = groups.get(use.article);
		if (group) group.push(use);
		else groups.set(use.article, [use]);
	}
	return groups;
}

/**
 * Keeps of each outcome what the report and the failure list read, so memory does not grow with
 * every assertion and document of every render: a passed use keeps its assertion list only when
 * it is its owner's first use in plan order (the report lists assertions on the first run and on
 * failed ones), and of an owner's uses only the first in plan order that selected documents keeps
 * them (the excerpts come from it). The report is the same as with everything kept.
 */
function outcomeSlimmer(uses: readonly RenderUse[], outcomes: Map<RenderUse, UseOutcome>) {
	const order = new Map<RenderUse, number>();
	const first = new Set<RenderUse>();
	const seen = new Set<string>();
	uses.forEach((use, index) => {
		order.set(use, index);
		const key = ownerKey(use.article, use.owner);
		if (!seen.has(key)) first.add(use);
		seen.add(key);
	});
	const documentsHeldBy = new Map<string, RenderUse>();
	return (use: RenderUse, outcome: UseOutcome): UseOutcome => {
		let kept = outcome.passed && !first.has(use) ? { ...outcome, assertions: [] } : outcome;
		if (kept.documents.length) {
			const key = ownerKey(use.article, use.owner);
			const holder = documentsHeldBy.get(key);
			if (holder && order.get(holder)! < order.get(use)!) kept = { ...kept, documents: [] };
			else {
				if (holder) outcomes.set(holder, { ...outcomes.get(holder)!, documents: [] });
				documentsHeldBy.set(key, use);
			}
		}
		return kept;
	};
}

/** Each check's validation summary, and the matrix's; a snippet finding fails the case. */
function withValidation(
	report: CaseReport,
	article: CaseArticle,
	schemas: SchemaSet,
	validated: Array<{ use: RenderUse; validation?: RenderValidation }>,
): CaseReport {
	const checks = report.checks.map((check, index) => {
		const own = validated.filter((v) => v.use.owner.kind === 'check' && v.use.owner.index === index);
		const validation = summariseValidation(article, own, schemas);
		const expectedInvalid = article.case.checks[index]?.invalidKubernetes === true;
		const failed = expectedInvalid ? validation?.findings.length === 0 : validation?.status === 'snippet';
		if (!validation) return check;
		return { ...check, validation: { ...validation, ...(expectedInvalid ? { expectedInvalid } : {}) }, ...(failed ? { status: 'failed' as const } : {}) };
	});
	const matrixValidation = summariseValidation(article, validated.filter((v) => v.use.owner.kind === 'matrix'), schemas);
	const failed = checks.some((c) => c.status === 'failed') || matrixValidation?.status === 'snippet';
	return { ...report, checks, ...(matrixValidation ? { matrixValidation } : {}), ...(failed ? { status: 'failed' as const } : {}) };
}

function ownerKey(article: CaseArticle, owner: RenderOwner): string {
	return `${article.case.id}:${owner.kind}:${owner.index}`;
}

/**
 * Resolves every owner's versions against the repository index and obtains each archive once.
 * Problems point into the article: an unknown repository or chart at the `chart:` line that names
 * it, a version at the owner's `versions:`, an archive that cannot be used (say, its digest does
 * not match the index) at the `versions:` of the first owner that needs it.
 */
async function resolveCharts(
	articles: CaseArticle[],
	config: ResolvedConfig,
	helm: HelmBinary,
): Promise<Map<string, ResolvedChart[]>> {
	const wanted = new Map<string, WantedChart>();
	const versionsByOwner = new Map<string, string[]>();
	for (const article of articles) {
		for (const owner of ownersOf(article.case)) {
			const chart = ownerChart(article.case, owner);
			const selection = owner.kind === 'check' ? owner.check.versions : owner.segment.versions;
			const ownChart = owner.kind === 'check' ? owner.check.chart : owner.segment.chart;
			const available = await inArticle(article, ownChart ? ownerPath(owner, 'chart') : ['case', 'chart'], () =>
				versionsOfNamedChart(config.charts, chart.repository, chart.name, config.cacheDir),
			);
			const versions = await inArticle(article, ownerPath(owner, 'versions'), async () =>
				resolveVersions(available, selection, { repository: chart.repository, chart: chart.name }),
			);
			versionsByOwner.set(ownerKey(article, owner), versions.map((v) => `${chart.repository}/${chart.name}@${v}`));
			for (const version of versions) {
				const key = `${chart.repository}/${chart.name}@${version}`;
				const entry = wanted.get(key) ?? { repository: chart.repository, chart: chart.name, version, neededBy: [] };
				entry.neededBy.push({ article, owner });
				wanted.set(key, entry);
			}
			if (owner.kind === 'check') checkPitfallRanges(article, owner.check.id, available, versions);
		}
	}
	const obtained = new Map<string, ResolvedChart>();
	const entries = [...wanted.entries()];
	await mapBounded(entries, 4, async ([key, ref]) => {
		const options = {
			mirrorRoot: config.charts,
			cacheDir: config.cacheDir,
			repository: ref.repository,
			chart: ref.chart,
			version: ref.version,
			allowNetwork: config.allowNetwork,
			helm,
		};
		try {
			obtained.set(key, await obtainChart(options));
		} catch (error) {
			if (!isCasebookError(error)) throw error;
			throw unusableChart(ref, error);
		}
	});
	return new Map([...versionsByOwner].map(([owner, keys]) => [owner, keys.map((key) => obtained.get(key)!)]));
}

/** A chart version some owners need, with those owners in the order they asked. */
interface WantedChart {
	repository: string;
	chart: string;
	version: string;
	neededBy: Array<{ article: CaseArticle; owner: RenderOwner }>;
}

/** An archive obtainChart refused, located at the `versions:` of the first owner that needs it. */
function unusableChart(ref: WantedChart, error: CasebookError): CasebookError {
	const { article, owner } = ref.neededBy[0]!;
	const here = ref.neededBy.filter((n) => n.article === article);
	const who = [...new Set(here.map((n) => ownerLabel(n.owner)))];
	const elsewhere = [...new Set(ref.neededBy.filter((n) => n.article !== article).map((n) => n.article.file))];
	const archive = error.file ? ` (archive ${error.file})` : '';
	const others = elsewhere.length ? `; also needed by ${elsewhere.join(', ')}` : '';
	const needs = `${who.join(', ')} ${who.length === 1 ? 'needs' : 'need'} ${ref.repository}/${ref.chart} ${ref.version}`;
	return new CasebookError(`${needs}, but ${error.message}${archive}${others}`, {
		...article.locate(ownerPath(owner, 'versions')),
		expected: error.expected,
		found: error.found,
	});
}

/**
 * A pitfall says "in every version of this range", and each `instead` entry "in these versions":
 * the check that backs each must render exactly the versions its range selects, no fewer.
 */
function checkPitfallRanges(article: CaseArticle, checkId: string, available: string[], rendered: string[]): void {
	const { pitfall } = article.case;
	if (!pitfall) return;
	const claims: Array<{ path: PropertyKey[]; versions: string }> = [
		...(pitfall.check === checkId ? [{ path: ['case', 'pitfall', 'versions'], versions: pitfall.versions }] : []),
		...pitfall.instead.flatMap((entry, i) => (entry.check === checkId ? [{ path: ['case', 'pitfall', 'instead', i, 'versions'], versions: entry.versions }] : [])),
	];
	for (const claim of claims) {
		let claimed: string[];
		try {
			claimed = resolveVersions(available, claim.versions, { repository: '', chart: '' });
		} catch (error) {
			if (!isCasebookError(error)) throw error;
			throw new CasebookError(error.message, { ...article.locate(claim.path), expected: error.expected, found: error.found });
		}
		const missing = claimed.filter((v) => !rendered.includes(v));
		if (missing.length) {
			throw new CasebookError(`check "${checkId}" does not render every version the range "${claim.versions}" claims`, {
				...article.locate(claim.path),
				expected: `check "${checkId}" rendering ${summariseVersions(claimed)}`,
				found: `not rendered: ${summariseVersions(missing)}`,
			});
		}
	}
}

/** Runs `work`, placing a CasebookError it throws at `path` of the article (frontmatter or checks file). */
async function inArticle<T>(article: CaseArticle, path: PropertyKey[], work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (!isCasebookError(error)) throw error;
		throw new CasebookError(error.message, {
			...article.locate(path),
			expected: error.expected,
			found: error.found,
		});
	}
}

function matrixObservations(outcomes: UseOutcome[]): MatrixObservation[] {
	const byVersion = new Map<string, MatrixObservation>();
	for (const outcome of outcomes) {
		const { owner, chart, helm } = outcome.use;
		if (owner.kind !== 'matrix') continue;
		const key = `${chart.repository}/${chart.name}@${chart.version}`;
		let observation = byVersion.get(key);
		if (!observation) {
			observation = {
				repository: chart.repository,
				chart: chart.name,
				version: chart.version,
				digest: chart.digest,
				notApplicable: owner.segment.notApplicable,
				results: [],
			};
			byVersion.set(key, observation);
		}
		const failed = outcome.assertions.find((a) => !a.passed);
		observation.results.push({ helm: helm.version, passed: outcome.passed, failure: failed?.label });
	}
	return [...byVersion.values()];
}

function inputFailure(error: CasebookError): Failure {
	return {
		file: error.file ?? 'input',
		line: error.line,
		column: error.column,
		message: error.message,
		detail: [error.expected !== undefined && `expected: ${error.expected}`, error.found !== undefined && `found:    ${error.found}`]
			.filter(Boolean)
			.join('\n'),
	};
}

/** The report an earlier run wrote, or undefined when there is none or it cannot be used. */
async function readEarlierReport(path: string): Promise<Report | undefined> {
	try {
		return readStoredReport(path);
	} catch {
		process.stderr.write(`the report at ${path} is unreadable or from another version of the verifier; the new one has only the cases verified now\n`);
		return undefined;
	}
}
