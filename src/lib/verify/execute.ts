import { RenderCache } from '../render/cache.ts';
import type { RenderRequest, RenderResult } from '../render/types.ts';
import { mapBounded } from './pool.ts';
import type { RenderJob } from './plan.ts';

export interface ExecutedRender {
	result: RenderResult;
	cached: boolean;
}

export interface ExecuteOptions {
	cache: RenderCache;
	concurrency: number;
	render(request: RenderRequest): Promise<RenderResult>;
	/** Called as each render completes, from cache or from helm. */
	onDone?(job: RenderJob, render: ExecutedRender): void;
	/** Called when a cache entry was unreadable and is rendered again. */
	onCorrupt?(job: RenderJob, reason: string): void;
}

export interface ExecuteStats {
	renders: number;
	cached: number;
	helmProcesses: number;
}

/** Renders every job once, taking what it can from the cache and storing what it rendered. */
export async function executeJobs(
	jobs: RenderJob[],
	options: ExecuteOptions,
): Promise<{ results: Map<string, ExecutedRender>; stats: ExecuteStats }> {
	const stats: ExecuteStats = { renders: jobs.length, cached: 0, helmProcesses: 0 };
	const results = new Map<string, ExecutedRender>();
	await mapBounded(jobs, options.concurrency, async (job) => {
		const lookup = await options.cache.get(job.key);
		let executed: ExecutedRender;
		if (lookup.state === 'hit') {
			stats.cached++;
			executed = { result: lookup.result, cached: true };
		} else {
			if (lookup.state === 'corrupt') options.onCorrupt?.(job, lookup.reason);
			stats.helmProcesses++;
			const result = await options.render(job.request);
			// A timeout says nothing about the chart; the next build should try again.
			if (!result.timedOut) await options.cache.put(job.key, result);
			executed = { result, cached: false };
		}
		results.set(job.key, executed);
		options.onDone?.(job, executed);
	});
	return { results, stats };
}
