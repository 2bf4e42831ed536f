import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/schema.ts';
import { helmTemplate } from '../helm/template.ts';
import type { Progress } from './progress.ts';
import { prepareVerification, verify } from './run.ts';

export interface BenchmarkFigures {
	cases: string[];
	uniqueRenders: number;
	helms: string[];
	cores: number;
	serialMs: number;
	coldMs: number;
	warmMs: number;
	warmHelmProcesses: number;
}

const silent: Progress = { start() {}, tick() {}, finish() {} };

/**
 * Times, in one run, the same unique renders three ways: a naive loop calling helm one render
 * after another, the engine with empty caches, and the engine again with the caches it filled.
 */
export async function runBenchmark(config: ResolvedConfig, only: string[] = []): Promise<BenchmarkFigures> {
	const { prepared, failures } = await prepareVerification({ config, only });
	if (!prepared) throw new Error(`cannot plan the renders: ${failures.map((f) => f.message).join('; ')}`);
	const scratch = await mkdtemp(join(tmpdir(), 'casebook-bench-'));
	try {
		let started = performance.now();
		// The baseline is helm as a person runs it in a loop: one at a time, Go's default runtime.
		for (const job of prepared.jobs) await helmTemplate(job.request, { sideBySide: false });
		const serialMs = performance.now() - started;

		const run = async () => {
			const begin = performance.now();
			const outcome = await verify({
				config,
				only,
				helms: prepared.helms,
				progress: silent,
				renderCacheDir: join(scratch, 'cache'),
				reportPath: join(scratch, 'report.json'),
			});
			if (outcome.failures.length) throw new Error(`verification failed during the benchmark: ${outcome.failures[0]!.message}`);
			return { ms: performance.now() - begin, helmProcesses: outcome.stats.helmProcesses };
		};
		const cold = await run();
		const warm = await run();
		return {
			cases: prepared.articles.map((a) => a.case.id),
			uniqueRenders: prepared.jobs.length,
			helms: prepared.helms.map((h) => h.version),
			cores: config.concurrency ?? 1,
			serialMs,
			coldMs: cold.ms,
			warmMs: warm.ms,
			warmHelmProcesses: warm.helmProcesses,
		};
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

export function formatBenchmark(f: BenchmarkFigures): string {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	return [
		`cases: ${f.cases.join(', ')}`,
		`unique renders: ${f.uniqueRenders} (helm ${f.helms.join(', ')}), concurrency ${f.cores}`,
		`naive serial helm loop: ${seconds(f.serialMs)}`,
		`engine, cold caches:    ${seconds(f.coldMs)}  (${(f.serialMs / f.coldMs).toFixed(2)}x faster than the serial loop; target >= 1.8x)`,
		`engine, warm caches:    ${seconds(f.warmMs)}  (${(f.coldMs / f.warmMs).toFixed(1)}x faster than cold; target >= 50x; helm processes: ${f.warmHelmProcesses})`,
	].join('\n');
}
