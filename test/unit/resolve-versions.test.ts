import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CasebookError } from '../../src/lib/errors.ts';
import { describeNearest, nearestVersions, resolveVersions } from '../../src/lib/charts/resolve-versions.ts';

// Deliberately unsorted, as an index lists them (newest first, mixed).
const available = ['1.13.2', '1.9.0', '1.13.0', '1.10.1', '1.14.0', '1.13.1', '1.15.0', '1.12.0', '2.0.0-rc.1', '1.16.0'];
const context = { repository: 'grafana', chart: 'tempo-distributed', file: 'content/docs/tempo/x.mdx', line: 12 };

function caught(fn: () => unknown): CasebookError {
	try {
		fn();
	} catch (error) {
		assert.ok(error instanceof CasebookError, `expected a CasebookError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected an error');
}

describe('resolveVersions with a list', () => {
	it('returns the listed versions in the given order, without repeats', () => {
		assert.deepEqual(resolveVersions(available, ['1.13.1', '1.13.0', '1.13.1'], context), ['1.13.1', '1.13.0']);
	});

	it('names a missing version and the nearest available ones either side, by semver', () => {
		const error = caught(() => resolveVersions(available, ['1.13.0', '1.13.5'], context));
		assert.match(error.message, /grafana\/tempo-distributed 1\.13\.5 is not in the repository index/);
		assert.match(error.message, /nearest available: 1\.13\.0, 1\.13\.1, 1\.13\.2 < 1\.13\.5 < 1\.14\.0, 1\.15\.0, 1\.16\.0/);
		assert.equal(error.file, context.file);
		assert.equal(error.line, 12);
		assert.equal(error.found, '1.13.5');
		assert.equal(error.expected, 'one of 1.9.0 - 2.0.0-rc.1 (10 versions)');
	});

	it('reports every missing version at once', () => {
		const error = caught(() => resolveVersions(available, ['0.1.0', '9.0.0'], context));
		assert.match(error.message, /0\.1\.0, 9\.0\.0 are not in the repository index/);
		assert.match(error.message, /\(none\) < 0\.1\.0 < 1\.9\.0, 1\.10\.1, 1\.12\.0/);
		assert.match(error.message, /1\.15\.0, 1\.16\.0, 2\.0\.0-rc\.1 < 9\.0\.0 < \(none\)/);
	});
});

describe('resolveVersions with a range', () => {
	it('selects every satisfying version, ascending by semver (not by string)', () => {
		assert.deepEqual(resolveVersions(available, '>=1.10.0 <1.14.0', context), [
			'1.10.1',
			'1.12.0',
			'1.13.0',
			'1.13.1',
			'1.13.2',
		]);
	});

	it('includes prereleases', () => {
		assert.deepEqual(resolveVersions(available, '>=1.16.0', context), ['1.16.0', '2.0.0-rc.1']);
		assert.deepEqual(
			resolveVersions(['6.18.0', '6.19.0-weekly.227', '6.19.0'], '>=6.18.0', context),
			['6.18.0', '6.19.0-weekly.227', '6.19.0'],
		);
	});

	it('lists the available range when nothing matches', () => {
		const error = caught(() => resolveVersions(available, '>=3.0.0', context));
		assert.match(error.message, /no version of grafana\/tempo-distributed satisfies ">=3\.0\.0"/);
		assert.equal(error.expected, 'a range that overlaps the available 1.9.0 - 2.0.0-rc.1 (10 versions)');
	});

	it('rejects an invalid range and an empty index', () => {
		assert.match(caught(() => resolveVersions(available, 'not a range', context)).message, /not a semver range/);
		assert.match(caught(() => resolveVersions([], '>=1.0.0', context)).message, /has no versions/);
	});
});

describe('nearestVersions', () => {
	it('takes up to three each side and leaves out the version itself', () => {
		assert.deepEqual(nearestVersions(available, '1.13.1'), { below: ['1.12.0', '1.13.0'], above: ['1.13.2', '1.14.0', '1.15.0'] });
		assert.equal(describeNearest(['1.0.0'], '0.9.0'), '(none) < 0.9.0 < 1.0.0');
	});
});
