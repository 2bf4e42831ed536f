import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTable, total, transfer, usedBytes, verdict } from '../../src/lib/tasks/budget-figures.ts';

describe('budget figures', () => {
	it('measures a body raw and gzipped', () => {
		const body = Buffer.from('a'.repeat(10_000));
		const t = transfer('http://x/a.js', body);
		assert.equal(t.raw, 10_000);
		assert.ok(t.gzip < 200, `gzip of a repeated byte is tiny, got ${t.gzip}`);
		assert.deepEqual(total([t, t]), { requests: 2, raw: 20_000, gzip: t.gzip * 2 });
	});

	it('counts executed characters with the innermost coverage range deciding', () => {
		// A 100-character script: top level ran, a function (20..60) never ran, a block inside
		// another function (70..80) was skipped while the function (65..95) ran.
		const script = {
			url: 'http://x/a.js',
			source: 'x'.repeat(100),
			functions: [
				{ ranges: [{ startOffset: 0, endOffset: 100, count: 1 }] },
				{ ranges: [{ startOffset: 65, endOffset: 95, count: 1 }, { startOffset: 70, endOffset: 80, count: 0 }] },
				{ ranges: [{ startOffset: 20, endOffset: 60, count: 0 }] },
			],
		};
		assert.deepEqual(usedBytes(script), { total: 100, used: 50 });
		assert.deepEqual(usedBytes({ url: 'x', functions: [] }), { total: 0, used: 0 });
	});

	it('prints an aligned table and judges budgets in KiB', () => {
		const table = formatTable([
			['page', 'gzip KiB'],
			['/', '23.0'],
			['/tempo/x/', '101.5'],
		]);
		assert.equal(table, ['page       gzip KiB', '---------  --------', '/              23.0', '/tempo/x/     101.5'].join('\n'));
		assert.equal(verdict(40 * 1024, 40), 'within');
		assert.equal(verdict(40 * 1024 + 1, 40), 'OVER');
	});
});
