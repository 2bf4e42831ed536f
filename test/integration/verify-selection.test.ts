import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { fixture, scratchProject, silentProgress } from '../helpers/project.ts';

/** Verifying a selection: of helm majors (CASEBOOK_HELM) and of cases (--case). */

const disposers: Array<() => Promise<void>> = [];
after(async () => {
	for (const dispose of disposers) await dispose();
});

describe('verify with only Helm 3 configured', () => {
	it('reports a check limited to Helm 4 as skipped, with the reason, and still passes', async () => {
		const article = (await fixture('valid.mdx')).replace('      values: [fix]\n', "      values: [fix]\n      helm: ['4']\n");
		const project = await scratchProject({ 'valid.mdx': article }, { CASEBOOK_HELM: '3' });
		disposers.push(project.dispose);
		const outcome = await verify({ config: project.config, progress: silentProgress, renderCacheDir: project.renderCacheDir });
		assert.deepEqual(outcome.failures.map(formatFailure), []);
		const report = JSON.parse(await readFile(project.config.report, 'utf8'));
		assert.equal(report.status, 'passed');
		const [check] = report.cases[0].checks;
		assert.equal(check.status, 'skipped');
		assert.equal(check.reason, 'needs helm 4, not configured');
		assert.deepEqual(check.runs, []);
		assert.deepEqual(report.cases[0].matrix.map((m: { verdict: string }) => m.verdict), ['not-affected', 'affected', 'affected', 'fixed']);
	});
});
