import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { CasebookError } from '../errors.ts';
import type { RenderRequest, RenderResult } from '../render/types.ts';
import { templateArgs } from './args.ts';
import { createHelmSandbox, SIDE_BY_SIDE_GO_RUNTIME } from './sandbox.ts';

const MAX_OUTPUT = 64 * 1024 * 1024;

/** A values file name a reader could save as is: no directories, nothing hidden. */
const VALUES_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function checkValuesFileNames(req: RenderRequest): void {
	const seen = new Set<string>();
	for (const { name } of req.valuesFiles) {
		if (!VALUES_FILE_NAME.test(name)) {
			throw new CasebookError(`values file name "${name}" must be a plain file name`, {
				expected: 'letters, digits, ".", "-" and "_", e.g. restore-ingester.yaml',
				found: name,
			});
		}
		if (seen.has(name)) throw new CasebookError(`values file "${name}" is given twice in one render`);
		seen.add(name);
	}
}

/**
 * Runs `helm template` hermetically (see sandbox.ts). The values files are written under their
 * names next to each other and helm runs in that directory, so its messages name them the way a
 * reader would. A failing or slow render is a result, not an error: only a helm that cannot be
 * started rejects. `sideBySide: false` runs helm with Go's defaults, as a person's shell loop would.
 */
export async function helmTemplate(req: RenderRequest, options: { sideBySide?: boolean } = {}): Promise<RenderResult> {
	checkValuesFileNames(req);
	const sandbox = await createHelmSandbox({ goRuntime: options.sideBySide === false ? undefined : SIDE_BY_SIDE_GO_RUNTIME });
	try {
		for (const file of req.valuesFiles) await writeFile(join(sandbox.dir, file.name), file.content);
		// helm runs inside the sandbox, so a relative archive path must be made absolute first.
		const chart = { ...req.chart, archivePath: resolve(req.chart.archivePath) };
		const args = templateArgs(
			{ ...req, chart },
			req.valuesFiles.map((file) => file.name),
		);
		return await run(req.helm.path, args, sandbox.dir, sandbox.env, req.timeoutMs);
	} finally {
		await sandbox.dispose();
	}
}

function run(
	file: string,
	args: string[],
	cwd: string,
	env: Record<string, string>,
	timeoutMs: number,
): Promise<RenderResult> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		execFile(
			file,
			args,
			{ cwd, env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
			(error, stdout, stderr) => {
				const durationMs = Math.round(performance.now() - started);
				if (!error) {
					resolve({ exitCode: 0, stdout, stderr, durationMs, timedOut: false });
					return;
				}
				const code = error.code;
				if (typeof code === 'string' && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
					reject(new CasebookError(`cannot run helm at ${file}: ${error.message}`));
					return;
				}
				const overflow = code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
				const signal = error.signal ?? undefined;
				// A process killed by a signal reports it the way a shell does: 128 + signal number.
				const exitCode = typeof code === 'number' ? code : signal ? 128 + (constants.signals[signal] ?? 0) : 1;
				resolve({
					exitCode,
					stdout,
					stderr: overflow ? `${stderr}\ncasebook: helm output exceeded ${MAX_OUTPUT} bytes; helm was stopped` : stderr,
					durationMs,
					timedOut: Boolean(error.killed) && !overflow,
				});
			},
		);
	});
}
