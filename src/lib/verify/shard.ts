import { createHash } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CasebookError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import type { RenderRequest } from '../render/types.ts';
import type { Store } from './execute.ts';
import type { RenderJob } from './plan.ts';

/**
 * Verification across machines: `npm run verify -- --shard I/N` renders a deterministic I-th of
 * N parts of the unique renders into a folder of its own, and `npm run verify -- --merge DIR...`
 * brings the parts together and writes the report a single run writes.
 *
 * Every shard plans every render (planning is cheap), then takes its part: the renders are sorted
 * by their expected cost, heaviest first, and each goes to the part with the least cost so far
 * (longest processing time first). The expected cost comes from a table of measured render times
 * per chart and helm major, kept in the cache folder; without one, every render costs the same.
 * Shards of one CI run restore the same cache, so they read the same table and cut the same parts.
 */

export interface ShardSpec {
	/** 1-based. */
	index: number;
	count: number;
}

export function parseShard(text: string): ShardSpec {
	const match = /^(\d+)\/(\d+)$/.exec(text.trim());
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || count < 1 || index < 1 || index > count) {
		throw new CasebookError('--shard takes I/N with 1 ≤ I ≤ N', { file: '--shard', expected: 'for example 1/4', found: text });
	}
	return { index, count };
}

/** Measured mean render time (ms) per cost group: chart and helm major. */
export type CostTable = Record<string, { meanMs: number; renders: number }>;

export function costGroup(request: RenderRequest): string {
	return `${request.chart.repository}/${request.chart.name} helm ${request.helm.major}`;
}

export const COST_FILE = 'render-costs.json';

export async function readCostTable(cacheDir: string): Promise<CostTable> {
	try {
		return costTableSchema.parse(JSON.parse(await readFile(join(cacheDir, COST_FILE), 'utf8')));
	} catch {
		return {};
	}
}

const costTableSchema = z.record(z.string(), z.object({ meanMs: z.number().nonnegative(), renders: z.number().int().positive() }));

/** The table with these measurements folded in (running means). Pure. */
export function addCosts(table: CostTable, measured: ReadonlyArray<{ group: string; ms: number }>): CostTable {
	const next: CostTable = { ...table };
	for (const { group, ms } of measured) {
		const known = next[group] ?? { meanMs: 0, renders: 0 };
		const renders = known.renders + 1;
		next[group] = { meanMs: known.meanMs + (ms - known.meanMs) / renders, renders };
	}
	return next;
}

export async function writeCostTable(cacheDir: string, table: CostTable): Promise<void> {
	// Whole milliseconds: the table is an input to every shard's cut, so it should read the same everywhere.
	const rounded = Object.fromEntries(
		Object.entries(table)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([group, { meanMs, renders }]) => [group, { meanMs: Math.round(meanMs), renders }]),
	);
	await writeFileAtomic(join(cacheDir, COST_FILE), `${JSON.stringify(rounded, null, '\t')}\n`);
}

/**
 * Splits the jobs into `count` parts of about equal expected cost. Deterministic: the same jobs and
 * table give the same parts, in any order of input. Each job lands in exactly one part.
 */
export function splitJobs(jobs: readonly RenderJob[], count: number, table: CostTable = {}): RenderJob[][] {
	const costOf = (job: RenderJob) => table[costGroup(job.request)]?.meanMs ?? fallbackCost(table);
	const ordered = [...jobs].sort((a, b) => costOf(b) - costOf(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const parts = Array.from({ length: count }, () => ({ cost: 0, jobs: [] as RenderJob[] }));
	for (const job of ordered) {
		let lightest = parts[0]!;
		for (const part of parts) if (part.cost < lightest.cost) lightest = part;
		lightest.cost += costOf(job);
		lightest.jobs.push(job);
	}
	return parts.map((part) => part.jobs);
}

/** A render of a chart the table has never timed costs what an average timed render costs. */
function fallbackCost(table: CostTable): number {
	const known = Object.values(table);
	return known.length ? known.reduce((sum, c) => sum + c.meanMs, 0) / known.length : 1;
}

/** Identifies a plan: shards cut from different plans (another commit, another mirror) cannot be merged. */
export function planFingerprint(jobs: readonly RenderJob[]): string {
	return createHash('sha256').update(jobs.map((job) => job.key).sort().join('\n')).digest('hex');
}

export const SHARD_FILE = 'shard.json';

export const shardSummarySchema = z.object({
	shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
	plan: z.string(),
	/** Unique renders of the whole plan and of this shard. */
	planRenders: z.number(),
	renders: z.number(),
	helmProcesses: z.number(),
	failures: z.number(),
});
export type ShardSummary = z.infer<typeof shardSummarySchema>;

export async function writeShardSummary(dir: string, summary: ShardSummary): Promise<void> {
	await writeFileAtomic(join(dir, SHARD_FILE), `${JSON.stringify(summary, null, '\t')}\n`);
}

/**
 * Reads the shard folders to merge and checks they are the N parts of this plan, each once.
 * Throws a CasebookError naming the folder that does not fit.
 */
export async function readShards(dirs: readonly string[], plan: string): Promise<ShardSummary[]> {
	const summaries: ShardSummary[] = [];
	for (const dir of dirs) {
		let parsed: ReturnType<typeof shardSummarySchema.safeParse>;
		try {
			parsed = shardSummarySchema.safeParse(JSON.parse(await readFile(join(dir, SHARD_FILE), 'utf8')));
		} catch (error) {
			throw new CasebookError(`${dir} is not the output of \`npm run verify -- --shard I/N\``, {
				file: join(dir, SHARD_FILE),
				found: (error as Error).message,
			});
		}
		if (!parsed.success) throw new CasebookError(`${dir}/${SHARD_FILE} has an unexpected shape`, { file: join(dir, SHARD_FILE), found: parsed.error.message });
		const summary = parsed.data;
		if (summary.plan !== plan) {
			throw new CasebookError(`shard ${summary.shard.index}/${summary.shard.count} in ${dir} was cut from another plan (other articles, checks or charts)`, {
				file: join(dir, SHARD_FILE),
				expected: `plan ${plan.slice(0, 12)}`,
				found: `plan ${summary.plan.slice(0, 12)}`,
			});
		}
		summaries.push(summary);
	}
	const count = summaries[0]?.shard.count ?? 0;
	const indices = summaries.map((s) => s.shard.index).sort((a, b) => a - b);
	const expected = Array.from({ length: count }, (_, i) => i + 1);
	if (summaries.some((s) => s.shard.count !== count) || indices.join() !== expected.join()) {
		throw new CasebookError('the shard folders are not each part of one split exactly once', {
			file: '--merge',
			expected: expected.map((i) => `${i}/${count}`).join(', '),
			found: summaries.map((s) => `${s.shard.index}/${s.shard.count}`).join(', '),
		});
	}
	return summaries;
}

/** Copies a shard's cache entries into the cache; entries are content-addressed, so existing ones are kept. */
export async function importShardCache(dir: string, cacheDir: string): Promise<void> {
	for (const part of ['renders', 'evaluations', 'validations']) {
		await cp(join(dir, part), join(cacheDir, part), { recursive: true, force: false, errorOnExist: false }).catch((error) => {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		});
	}
}

/**
 * A cache read from and written to as usual, that also keeps a copy of every entry a shard used
 * (found or new) in the shard's folder: the merge needs the entries of every render, not only
 * those this machine had to compute.
 */
export function teeStore<T>(main: Store<T>, copy: Store<T>): Store<T> {
	return {
		async get(key) {
			const lookup = await main.get(key);
			if (lookup.state === 'hit') await copy.put(key, lookup.value);
			return lookup;
		},
		async put(key, value) {
			await main.put(key, value);
			await copy.put(key, value);
		},
	};
}
