import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CasebookError } from '../errors.ts';
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
		await new Promise<void>((resolve, reject) => {
			execFile(
				helm.path,
				[...args, '-d', options.destination],
				{ cwd: sandbox.dir, env: sandbox.env, timeout: options.timeoutMs ?? 300_000, killSignal: 'SIGKILL' },
				(error, _stdout, stderr) => {
					if (!error) return resolve();
					reject(
						new CasebookError(`helm ${args.join(' ')} failed (${error.killed ? 'timed out' : `exit ${error.code}`})`, {
							found: stderr.trim() || error.message,
						}),
					);
				},
			);
		});
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
