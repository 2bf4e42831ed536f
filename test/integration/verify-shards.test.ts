import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import { caseFolder } from '../../src/lib/report/store.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { SHARD_FILE } from '../../src/lib/verify/shard.ts';
import { silentProgress } from '../helpers/project.ts';

/**
 * Verification split over machines: two shards of one real case, merged, give the report a single
 * run gives. The shards read the project's render cache (warm after `npm run verify`, so this takes
 * seconds); the merge starts from an empty cache and may not run helm at all, so it proves the
 * shards' folders hold every render and evaluation the report needs.
 */

const root = resolve(import.meta.dirname, '../..');
const only = ['tempo-ingester-statefulset-missing'];
const now = () => new Date('2026-12-02T00:00:00.000Z');
let scratch: string;

before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-shards-'));
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

/** The report as text without what differs between runs of the same plan: durations and whether helm ran. */
function normalise(text: string): string {
	return text.replace(/"durationMs":\s*\d+/g, '"durationMs":0').replace(/"cached":\s*(true|false|\d+)/g, '"cached":0');
}

/**
 * The text of every file of a stored report (store.ts), the index first, then each case file in
 * its order; a case file's name is the digest of its text, so the names are left out.
 */
async function storedText(path: string): Promise<string> {
	const index = await readFile(path, 'utf8');
	const names: string[] = JSON.parse(index).cases.map((c: { report: string }) => c.report);
	assert.ok(names.length > 0);
	const files = await Promise.all(names.map((name) => readFile(join(caseFolder(path), name), 'utf8')));
	return normalise([index.replace(/"report":"[^"]+"/g, '"report":""'), ...files].join(''));
}

describe('verify --shard and --merge', () => {
	it('merges two shards of a real case into the report one run writes, byte for byte', async () => {
		const config = loadConfig(root);
		const single = await verify({ config, only, now, progress: silentProgress, reportPath: join(scratch, 'single.json') });
		assert.deepEqual(single.failures.map(formatFailure), []);

		const shards = [1, 2].map((index) => join(scratch, `shard-${index}`));
		const parts = [];
		for (const [i, out] of shards.entries()) {
			const outcome = await verify({ config, only, now, progress: silentProgress, shard: { index: i + 1, count: 2 }, shardOut: out });
			assert.deepEqual(outcome.failures.map(formatFailure), []);
			parts.push(JSON.parse(await readFile(join(out, SHARD_FILE), 'utf8')));
		}
		// Two disjoint halves of the plan, each with work to do.
		assert.equal(parts[0].plan, parts[1].plan);
		assert.equal(parts[0].renders + parts[1].renders, parts[0].planRenders);
		assert.ok(parts.every((p) => p.renders > 0 && p.renders < p.planRenders), JSON.stringify(parts));

		const merged = await verify({
			config,
			only,
			now,
			progress: silentProgress,
			mergeFrom: shards,
			renderCacheDir: join(scratch, 'empty-cache'),
			reportPath: join(scratch, 'merged.json'),
			render: async (request) => {
				throw new Error(`the merge had to render ${request.chart.name} ${request.chart.version}: no shard brought it`);
			},
		});
		assert.deepEqual(merged.failures.map(formatFailure), []);
		assert.equal(merged.merged, 2);
		assert.equal(merged.stats.helmProcesses, 0);
		assert.equal(await storedText(join(scratch, 'merged.json')), await storedText(join(scratch, 'single.json')));
	});

	it('refuses shard folders that are not the parts of one split', async () => {
		const config = loadConfig(root);
		const outcome = await verify({
			config,
			only,
			progress: silentProgress,
			mergeFrom: [join(scratch, 'shard-1'), join(scratch, 'shard-1')],
			renderCacheDir: join(scratch, 'other-cache'),
			reportPath: join(scratch, 'refused.json'),
		});
		assert.match(outcome.failures.map(formatFailure).join('\n'), /not each part of one split exactly once[\s\S]*expected: 1\/2, 2\/2[\s\S]*found: +1\/2, 1\/2/);
	});
});
