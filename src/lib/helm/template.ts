import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CasebookError } from '../errors.ts';
import { runCaptured, type CapturedRun } from '../process/run.ts';
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

async function run(
	file: string,
	args: string[],
	cwd: string,
	env: Record<string, string>,
	timeoutMs: number,
): Promise<RenderResult> {
	let ran: CapturedRun;
	try {
		ran = await runCaptured(file, args, { cwd, env, timeoutMs, maxOutputBytes: MAX_OUTPUT });
	} catch (error) {
		throw new CasebookError(`cannot run helm at ${file}: ${(error as Error).message}`);
	}
	return {
		exitCode: ran.exitCode,
		stdout: ran.stdout,
		stderr: ran.overflow ? `${ran.stderr}\ncasebook: helm output exceeded ${MAX_OUTPUT} bytes; helm was stopped` : ran.stderr,
		durationMs: ran.durationMs,
		timedOut: ran.timedOut,
	};
}
