import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { silentProgress } from '../helpers/project.ts';

/**
 * The report grows with every render a check makes; a real case renders hundreds of chart
 * versions under two helms. Each check's assertion list is kept once (first run) and on failed
 * runs, not repeated on every passed run.
 */

const root = resolve(import.meta.dirname, '../..');
let scratch: string;
before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-report-size-'));
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('the report of a real case', () => {
	it('carries each check assertion list on its first run only when every run passed', async () => {
		const outcome = await verify({
			config: loadConfig(root),
			only: ['tempo-ingester-statefulset-missing'],
			progress: silentProgress,
			reportPath: join(scratch, 'report.json'),
		});
		assert.deepEqual(outcome.failures, []);
		const checks = outcome.verified![0]!.checks.filter((check) => check.runs.length > 1);
		assert.ok(checks.length > 0);
		for (const check of checks) {
			assert.ok(check.runs[0]!.assertions!.length > 0, `${check.id}: the first run lists the assertions`);
			assert.deepEqual(
				check.runs.slice(1).filter((run) => run.assertions !== undefined).map((run) => `${run.version} ${run.helm}`),
				[],
				`${check.id}: later passed runs repeat no assertion list`,
			);
		}
	});
});
