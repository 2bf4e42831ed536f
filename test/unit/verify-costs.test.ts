import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCosts, renderCosts } from '../../src/lib/verify/costs.ts';
import type { RenderJob, RenderUse } from '../../src/lib/verify/plan.ts';

function use(caseId: string, owner: string, key: string): RenderUse {
	const ownerValue = owner === 'matrix' ? { kind: 'matrix', index: 0 } : { kind: 'check', index: 0, check: { id: owner } };
	return { article: { case: { id: caseId } }, owner: ownerValue, key } as unknown as RenderUse;
}

describe('renderCosts', () => {
	it('counts renders per claim and which of them no other claim shares', () => {
		const uses = [
			use('a', 'matrix', 'k1'),
			use('a', 'matrix', 'k2'),
			use('a', 'fix', 'k2'),
			use('a', 'fix', 'k3'),
			use('b', 'matrix', 'k1'),
		];
		const jobs: RenderJob[] = ['k1', 'k2', 'k3'].map((key) => ({ key, request: {} as never, uses: uses.filter((u) => u.key === key) }));
		const costs = renderCosts(jobs, uses);
		assert.deepEqual(costs, [
			{
				caseId: 'a',
				renders: 3,
				owners: [
					{ owner: 'check fix', renders: 2, own: 1 },
					{ owner: 'matrix[0]', renders: 2, own: 0 },
				],
			},
			{ caseId: 'b', renders: 1, owners: [{ owner: 'matrix[0]', renders: 1, own: 0 }] },
		]);
		assert.deepEqual(formatCosts(costs, 1), ['  a: 3 renders; most: check fix 2 (1 its own)', '  b: 1 renders; most: matrix[0] 1 (0 its own)']);
	});
});
