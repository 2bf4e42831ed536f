import { basename, join, resolve } from 'node:path';
import semver from 'semver';
import { obtainChart, versionsOfNamedChart } from '../charts/obtain.ts';
import type { ChartRef } from '../case/schema.ts';
import type { ResolvedConfig } from '../config/schema.ts';
import { CasebookError } from '../errors.ts';
import { renderBreakdown } from '../helm/breakdown.ts';
import { resolveHelms } from '../helm/locate.ts';
import { helmTemplate } from '../helm/template.ts';
import { JsonCache } from '../render/cache.ts';
import { parseManifest } from '../render/documents.ts';
import { renderKey } from '../render/key.ts';
import type { HelmBinary, RenderRequest, RenderResult, ResolvedChart, ValuesFile } from '../render/types.ts';
import { permalinkPath } from '../site/base.ts';
import { loadCaseArticles, type CaseArticle } from '../verify/articles.ts';
import { evaluateRules, type Evidence } from './evaluate-rules.ts';
import type { CheckResult, CaseMatch, RuleMatch } from './result.ts';
import { detectCharts } from './verify-rules.ts';
import { parseSetArguments, readValuesFile, setSource, type ValuesSource } from './values.ts';

export interface CheckOptions {
	config: ResolvedConfig;
	chart: ChartRef;
	version: string;
	/** Upgrade mode: the version the release runs today. */
	upgradeFrom?: string;
	/** `-f` files as given, relative to `cwd`. */
	valuesFiles: string[];
	/** `--set` arguments as given (`k=v`, or several joined by commas). */
	set: string[];
	release?: string;
	namespace?: string;
	cwd: string;
	/** Replaces the pinned helms (tests). */
	helms?: HelmBinary[];
	now?: () => number;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * `npm run check`: renders the user's chart version with the user's values under every
 * configured helm (through the same hermetic runner and render cache as verify, so a second run
 * starts no helm), and evaluates every case's detection rules for that chart. Bad input throws
 * CasebookError; a render helm could not finish, or one that failed where no rule explains the
 * failure, too (with helm's stderr).
 */
export async function checkRelease(options: CheckOptions): Promise<CheckResult> {
	const started = options.now?.() ?? performance.now();
	const { config } = options;
	const chartLabel = `${options.chart.repository}/${options.chart.name}`;
	for (const [flag, version] of [['--version', options.version], ['--upgrade-from', options.upgradeFrom]] as const) {
		if (version !== undefined && semver.valid(version) !== version) {
			throw new CasebookError(`${version} is not a chart version`, { file: flag, expected: 'an exact version such as 1.13.2', found: version });
		}
	}
	for (const [flag, name] of [['--release', options.release], ['--namespace', options.namespace]] as const) {
		if (name !== undefined && (!dnsLabel.test(name) || name.length > 53)) {
			throw new CasebookError(`${flag} ${name} is not a valid name`, { file: flag, expected: 'lower-case letters, digits and "-", e.g. tempo', found: name });
		}
	}
	const loaded = await loadCaseArticles(config.root, config.content);
	if (loaded.errors.length) throw loaded.errors[0]!;
	const cases = loaded.articles.filter(
		(a) => a.case.detect && detectCharts(a.case.detect, a.case.chart).some((c) => c.repository === options.chart.repository && c.name === options.chart.name),
	);
	// An unknown repository or chart is an error naming the known ones.
	await versionsOfNamedChart(config.charts, options.chart.repository, options.chart.name, config.cacheDir);

	const sources: ValuesSource[] = [];
	for (const file of options.valuesFiles) sources.push(await readValuesFile(resolve(options.cwd, file), file));
	const sets = parseSetArguments(options.set);
	sources.push(...sets.map(({ key, value }) => setSource(key, value)));
	const valuesFiles = renderFileNames(sources);

	const first = cases[0]?.case;
	const release = options.release ?? first?.release ?? 't';
	const namespace = options.namespace ?? first?.namespace ?? 'default';
	const helms = options.helms ?? (await resolveHelms({ helmBin: config.helmBin, majors: config.helm, cacheDir: config.cacheDir }));
	const renders = new JsonCache<RenderResult>(join(config.cacheDir, 'renders'));
	const stats = { renders: 0, cached: 0 };

	const renderVersion = async (version: string): Promise<VersionRender> => {
		const chart = await obtainChart({
			mirrorRoot: config.charts,
			cacheDir: config.cacheDir,
			repository: options.chart.repository,
			chart: options.chart.name,
			version,
			allowNetwork: config.allowNetwork,
			helm: helms[0],
		});
		const byHelm = await Promise.all(
			helms.map(async (helm) => {
				const request: RenderRequest = {
					helm,
					chart,
					release,
					namespace,
					kubeVersion: config.kubeVersion,
					valuesFiles,
					set: Object.fromEntries(sets.map(({ key, value }) => [key, value])),
					showOnly: [],
					timeoutMs: config.renderTimeoutMs,
				};
				const result = await cachedRender(renders, request, stats);
				return { helm, result };
			}),
		);
		return { chart, byHelm };
	};

	const target = await renderVersion(options.version);
	const earlier = options.upgradeFrom !== undefined ? await renderVersion(options.upgradeFrom) : undefined;
	const applies = evaluateCases(cases, target, sources, config.base, config.site);
	failIfUnexplained(target, applies, chartLabel);
	const before = earlier ? evaluateCases(cases, earlier, sources, config.base, config.site) : undefined;
	if (earlier && before) failIfUnexplained(earlier, before, chartLabel);

	const result: CheckResult = {
		checkResultVersion: 1,
		chart: describeChart(target.chart),
		...(earlier ? { upgradeFrom: describeChart(earlier.chart) } : {}),
		release,
		namespace,
		values: options.valuesFiles,
		set: options.set,
		helm: helms.map((h) => h.version),
		casesChecked: cases.map((c) => c.case.id),
		applies,
		renders: stats,
		durationMs: 0,
	};
	if (before) {
		const now = new Set(applies.map((c) => c.id));
		const then = new Set(before.map((c) => c.id));
		const crossed = before.filter((c) => !now.has(c.id) && crossesTransition(cases, c.id, earlier!.chart.version, target.chart.version));
		result.upgrade = {
			starts: applies.filter((c) => !then.has(c.id)).map((c) => c.id),
			stops: before.filter((c) => !now.has(c.id) && !crossed.includes(c)).map((c) => c.id),
			transitions: crossed,
		};
	}
	result.durationMs = Math.round((options.now?.() ?? performance.now()) - started);
	return result;
}

interface VersionRender {
	chart: ResolvedChart;
	byHelm: Array<{ helm: HelmBinary; result: RenderResult }>;
}

/** Plain, distinct file names for helm's sandbox (helm's messages name them): the given base names. */
function renderFileNames(sources: readonly ValuesSource[]): ValuesFile[] {
	const used = new Set<string>();
	return sources.flatMap((source, i) => {
		if (source.kind !== 'file') return [];
		let name = basename(source.file).replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]/, '_');
		if (used.has(name)) name = `${i + 1}-${name}`;
		used.add(name);
		return [{ name, content: source.content }];
	});
}

async function cachedRender(cache: JsonCache<RenderResult>, request: RenderRequest, stats: { renders: number; cached: number }): Promise<RenderResult> {
	stats.renders++;
	const key = renderKey(request);
	const lookup = await cache.get(key);
	if (lookup.state === 'hit' && !renderBreakdown(lookup.value)) {
		stats.cached++;
		return lookup.value;
	}
	const result = await helmTemplate(request);
	const breakdown = renderBreakdown(result);
	if (breakdown) {
		const what = breakdown === 'timeout' ? `did not finish within ${request.timeoutMs} ms` : `broke down (exit ${result.exitCode})`;
		throw new CasebookError(`helm ${request.helm.version} ${what} rendering ${request.chart.repository}/${request.chart.name} ${request.chart.version}`, {
			found: result.stderr.trim() || undefined,
		});
	}
	await cache.put(key, result);
	return result;
}

function evaluateCases(cases: CaseArticle[], render: VersionRender, sources: ValuesSource[], base: string, site: string | undefined): CaseMatch[] {
	const matches: CaseMatch[] = [];
	for (const article of cases) {
		const c = article.case;
		const rules = new Map<string, RuleMatch>();
		for (const { helm, result } of render.byHelm) {
			const manifest = { exitCode: result.exitCode, stderr: result.stderr, documents: result.exitCode === 0 ? parseManifest(result.stdout) : [] };
			for (const outcome of evaluateRules(c.detect!.rules, { manifest, values: sources, chartVersion: render.chart.version })) {
				if (!outcome.matched) continue;
				const known = rules.get(outcome.id);
				if (known) known.helm.push(helm.version);
				else rules.set(outcome.id, { id: outcome.id, title: outcome.title, helm: [helm.version], evidence: outcome.evidence.map(tidyEvidence) });
			}
		}
		if (rules.size === 0) continue;
		const path = permalinkPath(c.id, base);
		matches.push({
			id: c.id,
			title: article.title,
			kinds: c.kinds,
			permalink: site ? new URL(path, site).href : path,
			...(c.answer ? { action: c.answer.action.text } : {}),
			rules: [...rules.values()],
		});
	}
	return matches;
}

function tidyEvidence(evidence: Evidence): Evidence {
	return Object.fromEntries(Object.entries(evidence).filter(([, v]) => v !== undefined)) as unknown as Evidence;
}

/**
 * A render helm refused says nothing a rule did not foresee: unless some case explains it (a rule
 * built on failedTemplate matched), it is bad input, reported with helm's stderr.
 */
function failIfUnexplained(render: VersionRender, matches: CaseMatch[], chartLabel: string): void {
	const failed = render.byHelm.find(({ result }) => result.exitCode !== 0);
	if (!failed) return;
	const explained = matches.some((m) => m.rules.some((r) => r.helm.includes(failed.helm.version)));
	if (explained) return;
	throw new CasebookError(`helm template failed for ${chartLabel} ${render.chart.version} with helm ${failed.helm.version}`, {
		found: failed.result.stderr.trim() || `exit code ${failed.result.exitCode}`,
	});
}

/** A transition case whose rules stopped matching, on an upgrade from an affected version to one past it. */
function crossesTransition(cases: CaseArticle[], id: string, from: string, to: string): boolean {
	const c = cases.find((a) => a.case.id === id)?.case;
	if (!c || !c.kinds.includes('transition')) return false;
	const options = { includePrerelease: true };
	return semver.satisfies(from, c.affected, options) && !semver.satisfies(to, c.affected, options) && semver.gt(to, from);
}

function describeChart(chart: ResolvedChart): CheckResult['chart'] {
	return { repository: chart.repository, name: chart.name, version: chart.version, digest: chart.digest };
}
