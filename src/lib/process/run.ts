import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';

/**
 * The project's one way to start another program, in the two shapes it needs: capture the output
 * of a tool (helm, npm, fc-list) with a time limit, or hand the terminal to a task (astro, the test
 * runner, apt-get).
 */

export interface CaptureOptions {
	cwd?: string;
	/** The whole environment of the process (nothing is inherited when given). */
	env?: Record<string, string | undefined>;
	/** Stop the process, and every process it started, after this long. */
	timeoutMs?: number;
	/** Per stream; past it the process group is stopped and `overflow` is set. */
	maxOutputBytes?: number;
}

export interface CapturedRun {
	/** The exit code, or 128 + the signal number for a process killed by a signal, as a shell reports it. */
	exitCode: number;
	signal?: NodeJS.Signals;
	stdout: string;
	stderr: string;
	durationMs: number;
	/** Stopped because it ran past `timeoutMs`. */
	timedOut: boolean;
	/** Stopped because it wrote more than `maxOutputBytes` on one stream. */
	overflow: boolean;
}

const DEFAULT_MAX_OUTPUT = 1024 * 1024;

/**
 * Runs a program and collects what it prints. The program leads a process group of its own
 * (`detached`), so when it has to be stopped the whole group is killed: a wrapper script's
 * children die with it instead of living on as orphans. A program that runs and fails is a
 * result; only one that cannot be started (missing, not executable) rejects, with the system
 * error (its `code` is `ENOENT`, `EACCES`, ...).
 */
export function runCaptured(command: string, args: readonly string[], options: CaptureOptions = {}): Promise<CapturedRun> {
	const started = performance.now();
	const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let timedOut = false;
		let overflow = false;
		let settled = false;
		const stopGroup = () => {
			if (child.pid === undefined) return;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// The group is already gone.
			}
		};
		const collect = (stream: NodeJS.ReadableStream) => {
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				if (overflow) return;
				if (size + chunk.length > limit) {
					chunks.push(chunk.subarray(0, limit - size));
					size = limit;
					overflow = true;
					stopGroup();
					return;
				}
				chunks.push(chunk);
				size += chunk.length;
			});
			return () => Buffer.concat(chunks).toString('utf8');
		};
		const stdout = collect(child.stdout);
		const stderr = collect(child.stderr);
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						stopGroup();
					}, options.timeoutMs);
		child.once('error', (error) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			stopGroup();
			reject(error);
		});
		child.once('close', (code, signal) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve({
				exitCode: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1),
				signal: signal ?? undefined,
				stdout: stdout(),
				stderr: stderr(),
				durationMs: Math.round(performance.now() - started),
				timedOut,
				overflow,
			});
		});
	});
}

/** How a captured run ended, for messages: `exit 2`, `killed by SIGSEGV`, `timed out after 30000 ms`. */
export function describeEnd(run: CapturedRun, timeoutMs?: number): string {
	if (run.timedOut) return timeoutMs === undefined ? 'timed out' : `timed out after ${timeoutMs} ms`;
	if (run.overflow) return 'stopped: too much output';
	if (run.signal) return `killed by ${run.signal}`;
	return `exit ${run.exitCode}`;
}

/**
 * Runs a task with the terminal (inherited stdio) and waits for it; returns its exit code, 1 when
 * it could not be started (the reason is printed). `env` is added to this process's environment.
 */
export function runInherited(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): number {
	const result = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: 'inherit' });
	if (result.error) {
		console.error(`cannot run ${command}: ${result.error.message}`);
		return 1;
	}
	return result.status ?? 1;
}
