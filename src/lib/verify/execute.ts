import { createHash } from 'node:crypto';
import { renderBreakdown } from '../helm/breakdown.ts';
import type { CacheLookup } from '../render/cache.ts';
import type { RenderRequest, RenderResult } from '../render/types.ts';
import type { RenderValidation } from '../validate/finding.ts';
import type { StoredEvaluation } from './evaluate.ts';
import type { RenderJob, RenderUse } from './plan.ts';
import { mapBounded } from './pool.ts';
import { detectionRulesOf } from '../check/verify-rules.ts';

/** What executeJobs needs of a cache (a JsonCache, or one that also copies entries elsewhere). */
export interface Store<T> {
	get(key: string): Promise<CacheLookup<T>>;
	put(key: string, value: T): Promise<void>;
}

export interface ExecuteOptions {
	renders: Store<RenderResult>;
	/** Assertion outcomes per use; a warm build reads only these and never opens a render. */
	evaluations: Store<StoredEvaluation>;
	/** Changes whenever the evaluation code changes, so cached outcomes never outlive their logic. */
	evaluatorVersion: string;
	concurrency: number;
	render(request: RenderRequest): Promise<RenderResult>;
	evaluate(use: RenderUse, result: RenderResult): StoredEvaluation;
	/**
	 * Strict schema validation of every render, cached beside the evaluations under a key of the
	 * render and `validatorVersion` (which names the schema set), so a warm build validates nothing.
	 */
	validation?: {
		cache: Store<RenderValidation>;
		validatorVersion: string;
		validate(request: RenderRequest, result: RenderResult): RenderValidation;
	};
	/** Called as each job completes, from cache or from helm. */
	onDone?(job: RenderJob, outcome: JobOutcome): void;
	/** Called when a cache entry was unreadable and is computed again. */
	onCorrupt?(what: string, reason: string): void;
}

export interface JobOutcome {
	/** True when helm did not run for this job. */
	cached: boolean;
	evaluations: Map<RenderUse, StoredEvaluation>;
	/** Absent when the render failed or helm did not finish it: there is nothing to validate. */
	validation?: RenderValidation;
}

export interface ExecuteStats {
	renders: number;
	cached: number;
	helmProcesses: number;
	/** Renders validated in this build (not from the cache), the time it took and their render time. */
	validated: number;
	validationMs: number;
	validatedRenderMs: number;
}

export function evaluationKey(use: RenderUse, renderKey: string, evaluatorVersion: string): string {
	const owner = use.owner.kind === 'check' ? { expect: use.owner.check.expect, excerpt: use.owner.check.excerpt ?? null } : { expect: use.owner.segment.expect };
	// Detection rules tested on this render are part of its evaluation; other uses keep their key.
	const rules = detectionRulesOf(use);
	const identity = rules ? [evaluatorVersion, renderKey, owner, rules] : [evaluatorVersion, renderKey, owner];
	return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

/** Renders every job at most once, taking what it can from the two caches and storing the rest. */
export async function executeJobs(
	jobs: RenderJob[],
	options: ExecuteOptions,
): Promise<{ stats: ExecuteStats }> {
	const stats: ExecuteStats = { renders: jobs.length, cached: 0, helmProcesses: 0, validated: 0, validationMs: 0, validatedRenderMs: 0 };
	await mapBounded(jobs, options.concurrency, async (job) => {
		const evaluations = new Map<RenderUse, StoredEvaluation>();
		const missing: Array<{ use: RenderUse; key: string }> = [];
		for (const use of job.uses) {
			const key = evaluationKey(use, job.key, options.evaluatorVersion);
			const lookup = await options.evaluations.get(key);
			if (lookup.state === 'hit') evaluations.set(use, lookup.value);
			else {
				if (lookup.state === 'corrupt') options.onCorrupt?.(`evaluation ${key.slice(0, 12)}`, lookup.reason);
				missing.push({ use, key });
			}
		}
		let validation: RenderValidation | undefined;
		let validationMissing = false;
		const validationKey = options.validation && createHash('sha256').update(JSON.stringify([options.validation.validatorVersion, job.key])).digest('hex');
		if (options.validation && validationKey) {
			const lookup = await options.validation.cache.get(validationKey);
			if (lookup.state === 'hit') validation = lookup.value.documents === -1 ? undefined : lookup.value;
			else {
				if (lookup.state === 'corrupt') options.onCorrupt?.(`validation ${validationKey.slice(0, 12)}`, lookup.reason);
				validationMissing = true;
			}
		}
		let cached = true;
		if (missing.length || validationMissing) {
			const { result, fromCache } = await renderOnce(job, options);
			if (!fromCache) {
				cached = false;
				stats.helmProcesses++;
			}
			for (const { use, key } of missing) {
				const evaluation = options.evaluate(use, result);
				evaluations.set(use, evaluation);
				if (!renderBreakdown(result)) await options.evaluations.put(key, evaluation);
			}
			if (validationMissing && options.validation && validationKey && !renderBreakdown(result)) {
				if (result.exitCode === 0) {
					const started = performance.now();
					validation = options.validation.validate(job.request, result);
					stats.validationMs += performance.now() - started;
					stats.validated++;
					stats.validatedRenderMs += result.durationMs;
				}
				// A failed render has nothing to validate; remember that too (documents: -1).
				await options.validation.cache.put(validationKey, validation ?? { schemaSet: '', documents: -1, findings: [], notChecked: [] });
			}
		}
		if (cached) stats.cached++;
		options.onDone?.(job, { cached, evaluations, ...(validation ? { validation } : {}) });
	});
	// Outcomes go to onDone only: keeping every evaluation here too held all of them in memory.
	return { stats };
}

async function renderOnce(job: RenderJob, options: ExecuteOptions): Promise<{ result: RenderResult; fromCache: boolean }> {
	const lookup = await options.renders.get(job.key);
	// A breakdown stored by an older build is no answer either: render again.
	if (lookup.state === 'hit' && !renderBreakdown(lookup.value)) return { result: lookup.value, fromCache: true };
	if (lookup.state === 'corrupt') options.onCorrupt?.(`render ${job.key.slice(0, 12)}`, lookup.reason);
	const result = await options.render(job.request);
	// A timeout or a crash says nothing about the chart; the next build should try again.
	if (!renderBreakdown(result)) await options.renders.put(job.key, result);
	return { result, fromCache: false };
}
