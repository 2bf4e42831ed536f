import { CasebookError } from '../errors.ts';
import { describeEnd, runCaptured } from '../process/run.ts';
import { createHelmSandbox } from './sandbox.ts';

const VERSION_TIMEOUT_MS = 30_000;

/**
 * What `helm version --short` prints, e.g. `v3.17.3+ge4da497`. A helm that fails rejects with a
 * CasebookError whose `found` is its stderr; one that cannot be started, with the system error.
 */
export async function helmVersion(path: string): Promise<string> {
	const sandbox = await createHelmSandbox();
	try {
		const ran = await runCaptured(path, ['version', '--short'], {
			cwd: sandbox.dir,
			env: sandbox.env,
			timeoutMs: VERSION_TIMEOUT_MS,
		});
		if (ran.exitCode !== 0) {
			throw new CasebookError(`\`helm version --short\` failed (${describeEnd(ran, VERSION_TIMEOUT_MS)})`, {
				found: ran.stderr.trim() || undefined,
			});
		}
		return ran.stdout.trim();
	} finally {
		await sandbox.dispose();
	}
}

/** The major version in a `helm version --short` line (`v3.17.3+g…` -> `3`), or undefined. */
export function majorOfVersion(version: string): string | undefined {
	return /^v?(\d+)\.\d+/.exec(version.trim())?.[1];
}
