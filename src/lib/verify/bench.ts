import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/schema.ts';
import { SIDE_BY_SIDE_GO_RUNTIME } from '../helm/sandbox.ts';
import { helmTemplate } from '../helm/template.ts';
import { runCaptured } from '../process/run.ts';
import type { RenderRequest } from '../render/types.ts';
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
	/** One render's time split: helm starting (`helm version`) and the whole `helm template`, both one core. */
	startup: { versionMs: number; templateMs: number; runs: number };
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
		const startup = await startupSplit(prepared.jobs[0]!.request);
		return {
			cases: prepared.articles.map((a) => a.case.id),
			uniqueRenders: prepared.jobs.length,
			helms: prepared.helms.map((h) => h.version),
			cores: config.concurrency ?? 1,
			serialMs,
			coldMs: cold.ms,
			warmMs: warm.ms,
			warmHelmProcesses: warm.helmProcesses,
			startup,
		};
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

/**
 * How much of a render is helm starting up: the mean time of `helm version` (start-up and exit,
 * no chart) against a whole `helm template` of one of the benchmark's renders, one after another
 * on one core each (GOMAXPROCS=1, as the engine runs helm).
 */
export async function startupSplit(request: RenderRequest, runs = 10): Promise<BenchmarkFigures['startup']> {
	const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...SIDE_BY_SIDE_GO_RUNTIME };
	let versionMs = 0;
	let templateMs = 0;
	for (let i = 0; i < runs; i++) {
		versionMs += (await runCaptured(request.helm.path, ['version', '--short'], { env })).durationMs;
		templateMs += (await helmTemplate(request)).durationMs;
	}
	return { versionMs: versionMs / runs, templateMs: templateMs / runs, runs };
}

export function formatBenchmark(f: BenchmarkFigures): string {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	return [
		`cases: ${f.cases.join(', ')}`,
		`unique renders: ${f.uniqueRenders} (helm ${f.helms.join(', ')}), concurrency ${f.cores}`,
		`naive serial helm loop: ${seconds(f.serialMs)}`,
		`engine, cold caches:    ${seconds(f.coldMs)}  (${(f.serialMs / f.coldMs).toFixed(2)}x faster than the serial loop; target >= 1.8x)`,
		`engine, warm caches:    ${seconds(f.warmMs)}  (${(f.coldMs / f.warmMs).toFixed(1)}x faster than cold; target >= 50x; helm processes: ${f.warmHelmProcesses})`,
		`one render, ${f.startup.runs} runs each: helm version ${f.startup.versionMs.toFixed(0)} ms, helm template ${f.startup.templateMs.toFixed(0)} ms: start-up is ${((100 * f.startup.versionMs) / f.startup.templateMs).toFixed(0)}% of a render`,
	].join('\n');
}
