import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { isGone } from '../helpers/processes.ts';
import { validCase, scratchProject, silentProgress } from '../helpers/project.ts';

/**
 * Renders that helm never finishes are errors, not verdicts: HELM_BIN points to small shell
 * wrappers that answer `helm version` and then hang or crash instead of rendering.
 */

let scratch: string;
const disposers: Array<() => Promise<void>> = [];
before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-breakdowns-'));
});
after(async () => {
	for (const dispose of disposers) await dispose();
	await rm(scratch, { recursive: true, force: true });
});

async function wrapper(name: string, body: string): Promise<string> {
	const path = join(scratch, name);
	await writeFile(path, ['#!/bin/sh', 'if [ "$1" = version ]; then echo v3.17.3+gwrapper; exit 0; fi', body, ''].join('\n'));
	await chmod(path, 0o755);
	return path;
}

async function verifyWith(helmBin: string, renderTimeoutMs: number) {
	const project = await scratchProject(await validCase(), { HELM_BIN: helmBin });
	disposers.push(project.dispose);
	const config = { ...project.config, renderTimeoutMs, concurrency: 2 };
	const outcome = await verify({ config, progress: silentProgress, renderCacheDir: project.renderCacheDir });
	return { outcome, text: outcome.failures.map(formatFailure).join('\n') };
}

describe('verify with a helm that does not finish', () => {
	it('reports each timed-out render with its version, helm, limit and command, kills the wrapper and its child, and judges nothing', { timeout: 60_000 }, async () => {
		const pids = join(scratch, 'pids');
		const helm = await wrapper('hanging-helm', `echo $$ >> ${pids}\nsleep 300 &\necho $! >> ${pids}\nwait`);
		const { outcome, text } = await verifyWith(helm, 500);

		// The valid fixture renders 1.12.0 to 1.13.2 for the matrix and 1.13.0 for its check.
		assert.equal(outcome.failures.length, 5, text);
		assert.match(
			text,
			/^content\/docs\/valid\.checks\.yaml:3: matrix segment 1: the render of grafana\/tempo-distributed@1\.12\.0 with helm v3\.17\.3\+gwrapper did not finish within 500 ms \(renderTimeoutMs\) and was stopped$/m,
		);
		assert.match(text, /^content\/docs\/valid\.checks\.yaml:8: check "fix": the render of grafana\/tempo-distributed@1\.13\.0 with helm v3\.17\.3\+gwrapper did not finish within 500 ms/m);
		assert.match(text, /reproduce: helm template t grafana\/tempo-distributed --version 1\.13\.0 --namespace tracing --kube-version 1\.32\.0 -f fix\.yaml/);
		assert.doesNotMatch(text, /affected|fixedIn/, 'no verdict is drawn from renders that did not finish');
		assert.equal(outcome.report?.status, 'failed');
		assert.deepEqual(outcome.report?.cases[0]?.matrix, [], 'no version has a verdict');

		const started = (await readFile(pids, 'utf8')).trim().split('\n').map(Number);
		assert.equal(started.length, 10, 'a wrapper and its sleep per render');
		for (const pid of started) assert.ok(await isGone(pid), `process ${pid} of the wrapper is still running`);
	});

	it('reports a crashed helm as an error, not as an affected version', { timeout: 60_000 }, async () => {
		const helm = await wrapper('crashing-helm', 'echo "panic: runtime error: invalid memory address" >&2\nkill -SEGV $$');
		const { outcome, text } = await verifyWith(helm, 60_000);
		assert.equal(outcome.failures.length, 5, text);
		assert.match(text, /matrix segment 1: the render of grafana\/tempo-distributed@1\.13\.2 with helm v3\.17\.3\+gwrapper broke down \(killed by SIGSEGV\)/);
		assert.match(text, /panic: runtime error/);
		assert.doesNotMatch(text, /affected|fixedIn/);
	});
});
