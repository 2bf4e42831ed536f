import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatScale, pagefindMs, type ScaleFigures } from '../../src/lib/tasks/scale-bench.ts';
import { syntheticCase } from '../support/synthetic-cases.ts';

function figures(cases: number, factor: number): ScaleFigures {
	return {
		cases,
		verifyWarmMs: 1000 * factor,
		siteBuildMs: 10_000 * factor,
		pagefindMs: 500 * factor,
		pagefindAloneMs: 400 * factor,
		peakRssKib: 500_000,
		verifyPeakRssKib: 400_000,
		buildPeakRssKib: 500_000,
		reportBytes: 10_000 * factor,
		largestCaseFileBytes: 100,
		casesApiBytes: 2_000 * factor,
		firstSearchGzip: 100 * 1024,
		homeGzip: 24 * 1024,
		casePageGzip: 37 * 1024,
		htmlFiles: 3 * cases,
	};
}

describe('formatScale', () => {
	it('prints the growth from 100 to 1,000 cases and flags what grows faster than the cases or misses a target', () => {
		const table = formatScale([figures(100, 1), { ...figures(1000, 10), siteBuildMs: 200_000, reportBytes: 120_000 }]);
		const row = (label: string) => table.split('\n').find((line) => line.startsWith(label))!;
		assert.match(row('verify, warm'), /1\.0\s+10\.0\s+10\.0x\s*$/);
		assert.match(row('astro build'), /20\.0x OVER\s+≤ 180 s: OVER/);
		assert.match(row('report, index + case files'), /12\.0x OVER/);
		assert.match(row('largest case file'), /1\.0x\s*$/);
		assert.match(row('  of which astro build'), /488\s+488\s+1\.0x/);
		assert.match(row('first search'), /1\.0x\s+≤ 120 KiB: within/);
	});
});

describe('pagefindMs', () => {
	it("reads Starlight's log line in seconds or milliseconds", () => {
		assert.equal(pagefindMs('[starlight:pagefind] Finished building search index in 1.25s.'), 1250);
		assert.equal(pagefindMs('[starlight:pagefind] Finished building search index in 158ms.'), 158);
		assert.equal(pagefindMs('no index'), undefined);
	});
});

describe('syntheticCase', () => {
	it('is the same text on every run and differs between cases', () => {
		assert.deepEqual(syntheticCase(7), syntheticCase(7));
		assert.notEqual(syntheticCase(7).articleText, syntheticCase(8).articleText);
		assert.match(syntheticCase(7).articleText, /id: synthetic-0007/);
	});
});
