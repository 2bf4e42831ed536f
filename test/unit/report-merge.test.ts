import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseReport, Report } from '../../src/lib/report/schema.ts';
import { mergeReport } from '../../src/lib/verify/report-merge.ts';
import { caseReportFixture, reportFixture } from './case-ui-fixture.ts';

function entry(id: string, verifiedAt: string, status: CaseReport['status'] = 'passed', helm = ['v3.17.3+ge4da497']): CaseReport {
	return { ...caseReportFixture(), id, verifiedAt, status, helm };
}

function report(cases: CaseReport[], helm: string[] = ['v3.17.3+ge4da497']): Report {
	return {
		...reportFixture(),
		generatedAt: cases[0]?.verifiedAt ?? 'never',
		helm: helm.map((version) => ({ major: version[1]!, version, source: 'test', sha256: version })),
		status: cases.every((c) => c.status === 'passed') ? 'passed' : 'failed',
		cases,
	};
}

const earlier = report([entry('a', 'day-1'), entry('b', 'day-1'), entry('c', 'day-1')]);

describe('mergeReport', () => {
	it('replaces the verified case and keeps the others as they were, in article order', () => {
		const merged = mergeReport(earlier, report([entry('b', 'day-2')]), ['a', 'b', 'c']);
		assert.deepEqual(merged.cases.map((c) => [c.id, c.verifiedAt]), [['a', 'day-1'], ['b', 'day-2'], ['c', 'day-1']]);
		assert.equal(merged.status, 'passed');
		assert.deepEqual(merged.missing, []);
		assert.equal(merged.generatedAt, 'day-2');
	});

	it('fails when the verified case fails, or a kept one had failed', () => {
		assert.equal(mergeReport(earlier, report([entry('b', 'day-2', 'failed')]), ['a', 'b', 'c']).status, 'failed');
		const failedBefore = report([entry('a', 'day-1', 'failed'), entry('b', 'day-1')]);
		assert.equal(mergeReport(failedBefore, report([entry('b', 'day-2')]), ['a', 'b']).status, 'failed');
	});

	it('without an earlier report, names the cases it lacks and is incomplete', () => {
		const merged = mergeReport(undefined, report([entry('b', 'day-2')]), ['a', 'b', 'c']);
		assert.deepEqual(merged.cases.map((c) => c.id), ['b']);
		assert.deepEqual(merged.missing, ['a', 'c']);
		assert.equal(merged.status, 'incomplete');
	});

	it('drops cases whose article is gone and lists a new article without an entry as missing', () => {
		const merged = mergeReport(earlier, report([entry('b', 'day-2')]), ['b', 'c', 'd']);
		assert.deepEqual(merged.cases.map((c) => c.id), ['b', 'c']);
		assert.deepEqual(merged.missing, ['d']);
		assert.equal(merged.status, 'incomplete');
	});

	it('keeps the helm builds the kept entries were verified with', () => {
		const both = report([entry('a', 'day-1', 'passed', ['v3.17.3+ge4da497', 'v4.1.4+g05fa379']), entry('b', 'day-1')], ['v3.17.3+ge4da497', 'v4.1.4+g05fa379']);
		const merged = mergeReport(both, report([entry('b', 'day-2')]), ['a', 'b']);
		assert.deepEqual(merged.helm.map((h) => h.version), ['v3.17.3+ge4da497', 'v4.1.4+g05fa379']);
		const alone = mergeReport(both, report([entry('a', 'day-2'), entry('b', 'day-2')]), ['a', 'b']);
		assert.deepEqual(alone.helm.map((h) => h.version), ['v3.17.3+ge4da497']);
	});

	it('is the fresh report itself when every case was verified', () => {
		const fresh = report([entry('a', 'day-2'), entry('b', 'day-2')]);
		assert.deepEqual(mergeReport(earlier, fresh, ['a', 'b']), { ...fresh, missing: [] });
	});
});
