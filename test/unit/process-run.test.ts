import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEnd, runCaptured } from '../../src/lib/process/run.ts';
import { isGone } from '../helpers/processes.ts';

describe('runCaptured', () => {
	it('collects stdout and stderr and the exit code', async () => {
		const ran = await runCaptured('/bin/sh', ['-c', 'printf out; printf err >&2; exit 3']);
		assert.equal(ran.stdout, 'out');
		assert.equal(ran.stderr, 'err');
		assert.equal(ran.exitCode, 3);
		assert.equal(ran.timedOut, false);
		assert.equal(describeEnd(ran), 'exit 3');
	});

	it('reports a process killed by a signal as 128 + the signal number', async () => {
		const ran = await runCaptured('/bin/sh', ['-c', 'kill -SEGV $$']);
		assert.equal(ran.signal, 'SIGSEGV');
		assert.equal(ran.exitCode, 139);
		assert.equal(describeEnd(ran), 'killed by SIGSEGV');
	});

	it('passes only the environment it is given', async () => {
		const ran = await runCaptured('/bin/sh', ['-c', 'printf "%s" "$ONLY_THIS-$HOME"'], { env: { ONLY_THIS: 'yes' } });
		assert.equal(ran.stdout, 'yes-');
	});

	it('on timeout kills the whole process group, children of a wrapper included', { timeout: 20_000 }, async () => {
		const started = performance.now();
		const ran = await runCaptured('/bin/sh', ['-c', 'sleep 300 & echo $!; wait'], { timeoutMs: 300 });
		assert.ok(performance.now() - started < 10_000, 'returns soon after the limit');
		assert.equal(ran.timedOut, true);
		assert.equal(describeEnd(ran, 300), 'timed out after 300 ms');
		const child = Number(ran.stdout.trim());
		assert.ok(child > 0, `the wrapper printed its child's pid: ${JSON.stringify(ran.stdout)}`);
		assert.ok(await isGone(child), `sleep ${child} was left running`);
	});

	it('stops a process that writes more than the limit', async () => {
		const ran = await runCaptured('/bin/sh', ['-c', 'while :; do echo 0123456789; done'], { maxOutputBytes: 4096, timeoutMs: 10_000 });
		assert.equal(ran.overflow, true);
		assert.equal(ran.timedOut, false);
		assert.equal(ran.stdout.length, 4096);
	});

	it('rejects only when the program cannot be started', async () => {
		await assert.rejects(runCaptured('/nonexistent/program', []), { code: 'ENOENT' });
	});
});
