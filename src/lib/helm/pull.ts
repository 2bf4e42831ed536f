import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CasebookError } from '../errors.ts';
import { describeEnd, runCaptured, type CapturedRun } from '../process/run.ts';
import type { HelmBinary } from '../render/types.ts';
import { createHelmSandbox } from './sandbox.ts';

export interface HelmPullOptions {
	chart: string;
	repositoryUrl: string;
	version: string;
	/** Existing directory the archive is written into. */
	destination: string;
	timeoutMs?: number;
}

/** `helm pull <chart> --repo <url> --version <v> -d <destination>`, hermetic; returns the archive's path. */
export async function helmPull(helm: HelmBinary, options: HelmPullOptions): Promise<string> {
	const sandbox = await createHelmSandbox({ network: true });
	const args = ['pull', options.chart, '--repo', options.repositoryUrl, '--version', options.version];
	try {
		const timeoutMs = options.timeoutMs ?? 300_000;
		let ran: CapturedRun;
		try {
			ran = await runCaptured(helm.path, [...args, '-d', options.destination], { cwd: sandbox.dir, env: sandbox.env, timeoutMs });
		} catch (error) {
			throw new CasebookError(`helm ${args.join(' ')} failed (${(error as Error).message})`);
		}
		if (ran.exitCode !== 0) {
			throw new CasebookError(`helm ${args.join(' ')} failed (${describeEnd(ran, timeoutMs)})`, {
				found: ran.stderr.trim() || undefined,
			});
		}
	} finally {
		await sandbox.dispose();
	}
	const archive = join(options.destination, `${options.chart}-${options.version}.tgz`);
	try {
		await access(archive);
	} catch {
		throw new CasebookError(`helm ${args.join(' ')} did not write ${archive}`);
	}
	return archive;
}
