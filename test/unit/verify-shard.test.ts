import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RenderJob } from '../../src/lib/verify/plan.ts';
import { addCosts, parseShard, planFingerprint, splitJobs } from '../../src/lib/verify/shard.ts';

/** A job as splitJobs sees it: a key and the chart and helm its cost group is made of. */
function job(key: string, chart: string, major = '3'): RenderJob {
	return { key, request: { chart: { repository: 'r', name: chart }, helm: { major } }, uses: [] } as unknown as RenderJob;
}

describe('splitJobs', () => {
	const jobs = [
		...Array.from({ length: 6 }, (_, i) => job(`heavy-${i}`, 'big')),
		...Array.from({ length: 12 }, (_, i) => job(`light-${i}`, 'small')),
	];
	const table = addCosts({}, [
		{ group: 'r/big helm 3', ms: 400 },
		{ group: 'r/small helm 3', ms: 100 },
	]);

	it('puts every job in exactly one part, the same parts for any input order', () => {
		const parts = splitJobs(jobs, 3, table);
		const keys = (p: RenderJob[][]) => p.map((part) => part.map((j) => j.key).sort());
		assert.deepEqual(parts.flat().map((j) => j.key).sort(), jobs.map((j) => j.key).sort());
		assert.deepEqual(keys(splitJobs([...jobs].reverse(), 3, table)), keys(parts));
	});

	it('balances measured cost, not the number of renders', () => {
		const cost = (part: RenderJob[]) => part.reduce((sum, j) => sum + (j.request.chart.name === 'big' ? 400 : 100), 0);
		// One heavy render and four light ones: by cost the heavy one is a part of its own.
		const few = [job('z-heavy', 'big'), ...Array.from({ length: 4 }, (_, i) => job(`a-light-${i}`, 'small'))];
		const parts = splitJobs(few, 2, table);
		assert.deepEqual(parts.map(cost), [400, 400]);
		assert.deepEqual(parts.map((p) => p.length), [1, 4]);
		// Without a table every render counts the same: three and two.
		assert.deepEqual(splitJobs(few, 2).map((p) => p.length), [3, 2]);
	});
});

describe('addCosts', () => {
	it('keeps a running mean per chart and helm major', () => {
		const table = addCosts({ 'r/a helm 3': { meanMs: 100, renders: 1 } }, [
			{ group: 'r/a helm 3', ms: 200 },
			{ group: 'r/a helm 3', ms: 300 },
		]);
		assert.deepEqual(table, { 'r/a helm 3': { meanMs: 200, renders: 3 } });
	});
});

describe('parseShard and planFingerprint', () => {
	it('reads I/N and refuses anything else', () => {
		assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
		for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /--shard takes I\/N/);
	});

	it('identifies a plan by its renders, in any order', () => {
		const a = [job('x', 'c'), job('y', 'c')];
		assert.equal(planFingerprint(a), planFingerprint([...a].reverse()));
		assert.notEqual(planFingerprint(a), planFingerprint([job('x', 'c')]));
	});
});
