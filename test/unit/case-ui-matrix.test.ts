import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MatrixEntry, Verdict } from '../../src/lib/report/schema.ts';
import { countLabel, groupMatrix, lookupData, runLabel, verdictLabel } from '../../src/lib/site/matrix.ts';

function entry(version: string, verdict: Verdict, extra: Partial<MatrixEntry> = {}): MatrixEntry {
	return { repository: 'grafana', chart: 'tempo-distributed', version, verdict, digest: 'd', ...extra };
}

describe('groupMatrix', () => {
	it('folds consecutive versions with one verdict into runs, in semver order', () => {
		const entries = [
			entry('1.13.2', 'fixed'),
			entry('1.2.0', 'not-affected'),
			entry('1.10.0', 'not-affected'),
			entry('1.13.1', 'affected', { failure: 'documentExists StatefulSet/t-tempo-ingester' }),
			entry('1.13.0', 'affected', { failure: 'documentExists StatefulSet/t-tempo-ingester' }),
			entry('1.14.0', 'fixed'),
		];
		const [chart] = groupMatrix(entries);
		assert.deepEqual(chart!.versions, ['1.2.0', '1.10.0', '1.13.0', '1.13.1', '1.13.2', '1.14.0']);
		assert.deepEqual(
			chart!.runs.map((r) => [r.verdict, r.first, r.last, r.versions.length]),
			[
				['not-affected', '1.2.0', '1.10.0', 2],
				['affected', '1.13.0', '1.13.1', 2],
				['fixed', '1.13.2', '1.14.0', 2],
			],
		);
		assert.equal(chart!.runs[1]!.failure, 'documentExists StatefulSet/t-tempo-ingester');
	});

	it('keeps charts of different repositories apart, in order of first appearance', () => {
		const charts = groupMatrix([
			entry('7.0.0', 'affected', { repository: 'grafana', chart: 'loki' }),
			entry('7.0.0', 'fixed', { repository: 'grafana-community', chart: 'loki' }),
			entry('6.9.0', 'not-affected', { repository: 'grafana', chart: 'loki' }),
		]);
		assert.deepEqual(charts.map((c) => `${c.repository}/${c.chart}:${c.versions.join(',')}`), [
			'grafana/loki:6.9.0,7.0.0',
			'grafana-community/loki:7.0.0',
		]);
	});

	it('splits not-applicable runs whose reasons differ and drops a failure that is not shared', () => {
		const [chart] = groupMatrix([
			entry('3.0.0', 'not-applicable', { reason: 'A' }),
			entry('3.1.0', 'not-applicable', { reason: 'B' }),
			entry('4.0.0', 'affected', { failure: 'x' }),
			entry('4.1.0', 'affected', { failure: 'y' }),
		]);
		assert.deepEqual(chart!.runs.map((r) => [r.verdict, r.reason, r.failure]), [
			['not-applicable', 'A', undefined],
			['not-applicable', 'B', undefined],
			['affected', undefined, undefined],
		]);
	});

	it('stays compact for hundreds of versions', () => {
		const entries = Array.from({ length: 300 }, (_, i) =>
			entry(`1.${i}.0`, i < 100 ? 'not-affected' : i < 102 ? 'affected' : 'fixed'),
		);
		assert.equal(groupMatrix(entries)[0]!.runs.length, 3);
	});
});

describe('labels', () => {
	it('read as words', () => {
		assert.equal(runLabel({ first: '1.0.0', last: '1.12.0' }), '1.0.0 – 1.12.0');
		assert.equal(runLabel({ first: '1.13.0', last: '1.13.0' }), '1.13.0');
		assert.equal(countLabel(1), '1 version');
		assert.equal(countLabel(81), '81 versions');
		assert.equal(verdictLabel('not-affected'), 'not affected');
		assert.equal(verdictLabel('not-applicable'), 'not applicable');
	});
});

describe('lookupData', () => {
	it('indexes every version with its chart, verdict and reason', () => {
		const data = lookupData({
			chart: { repository: 'grafana', name: 'loki' },
			fixedIn: '7.0.1',
			matrix: [
				entry('7.0.0', 'affected', { chart: 'loki' }),
				entry('7.0.1', 'fixed', { chart: 'loki' }),
				entry('7.0.0', 'not-applicable', { repository: 'grafana-community', chart: 'loki', reason: 'by design' }),
			],
		});
		assert.deepEqual(data.charts, [
			{ repository: 'grafana', chart: 'loki', first: '7.0.0', last: '7.0.1', count: 2 },
			{ repository: 'grafana-community', chart: 'loki', first: '7.0.0', last: '7.0.0', count: 1 },
		]);
		assert.deepEqual(data.reasons, ['by design']);
		assert.deepEqual(data.versions['7.0.0'], [
			[0, 'affected'],
			[1, 'not-applicable', 0],
		]);
		assert.deepEqual(data.versions['7.0.1'], [[0, 'fixed']]);
	});
});
