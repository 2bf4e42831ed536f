import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { readStoredReport } from '../../src/lib/report/store.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { replaceOnce, validCase, scratchProject, silentProgress } from '../helpers/project.ts';

/** Verifying a selection: of helm majors (CASEBOOK_HELM) and of cases (--case). */

const disposers: Array<() => Promise<void>> = [];
after(async () => {
	for (const dispose of disposers) await dispose();
});

describe('verify with only Helm 3 configured', () => {
	it('reports a check limited to Helm 4 as skipped, with the reason, and still passes', async () => {
		const files = await validCase({ checks: replaceOnce('    values: [fix]\n', "    values: [fix]\n    helm: ['4']\n") });
		const project = await scratchProject(files, { CASEBOOK_HELM: '3' });
		disposers.push(project.dispose);
		const outcome = await verify({ config: project.config, progress: silentProgress, renderCacheDir: project.renderCacheDir });
		assert.deepEqual(outcome.failures.map(formatFailure), []);
		const report = readStoredReport(project.config.report)!;
		assert.equal(report.status, 'passed');
		const [check] = report.cases[0].checks;
		assert.equal(check.status, 'skipped');
		assert.equal(check.reason, 'needs helm 4, not configured');
		assert.deepEqual(check.runs, []);
		assert.deepEqual(report.cases[0].matrix.map((m: { verdict: string }) => m.verdict), ['not-affected', 'affected', 'affected', 'fixed']);
	});
});

describe('verify --case', () => {
	it('merges the verified case into the earlier report, or says which cases a new report lacks', async () => {
		const project = await scratchProject({
			...(await validCase({}, 'tempo/valid.mdx')),
			...(await validCase({ mdx: replaceOnce('id: fixture-valid', 'id: fixture-other') }, 'tempo/other.mdx')),
		});
		disposers.push(project.dispose);
		const run = (day: string, only?: string[]) =>
			verify({
				config: project.config,
				only,
				progress: silentProgress,
				renderCacheDir: project.renderCacheDir,
				now: () => new Date(`2026-12-0${day}T00:00:00.000Z`),
			});
		const read = async () => readStoredReport(project.config.report)!;
		const dates = (report: { cases: Array<{ id: string; verifiedAt: string }> }) => report.cases.map((c) => `${c.id} ${c.verifiedAt.slice(0, 10)}`);

		assert.deepEqual((await run('1')).failures, []);
		assert.deepEqual(dates(await read()), ['fixture-other 2026-12-01', 'fixture-valid 2026-12-01']);

		const one = await run('2', ['fixture-other']);
		assert.deepEqual(one.failures, []);
		assert.deepEqual(one.verified?.map((c) => c.id), ['fixture-other']);
		const merged = await read();
		assert.deepEqual(dates(merged), ['fixture-other 2026-12-02', 'fixture-valid 2026-12-01']);
		assert.equal(merged.status, 'passed');
		assert.deepEqual(merged.missing, []);

		await rm(project.config.report);
		await run('3', ['fixture-other']);
		const partial = await read();
		assert.deepEqual(dates(partial), ['fixture-other 2026-12-03']);
		assert.equal(partial.status, 'incomplete');
		assert.deepEqual(partial.missing, ['fixture-valid']);
	});
});
