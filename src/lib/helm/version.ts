import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHelmSandbox } from './sandbox.ts';

const run = promisify(execFile);

/** What `helm version --short` prints, e.g. `v3.17.3+ge4da497`. Rejects with the process error (stderr attached). */
export async function helmVersion(path: string): Promise<string> {
	const sandbox = await createHelmSandbox();
	try {
		const { stdout } = await run(path, ['version', '--short'], {
			cwd: sandbox.dir,
			env: sandbox.env,
			timeout: 30_000,
			killSignal: 'SIGKILL',
		});
		return stdout.trim();
	} finally {
		await sandbox.dispose();
	}
}

/** The major version in a `helm version --short` line (`v3.17.3+g…` -> `3`), or undefined. */
export function majorOfVersion(version: string): string | undefined {
	return /^v?(\d+)\.\d+/.exec(version.trim())?.[1];
}
