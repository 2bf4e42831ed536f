import { spawnSync } from 'node:child_process';

/** Runs a command with inherited output; returns its exit code (1 when it could not start). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): number {
	const result = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: 'inherit' });
	if (result.error) {
		console.error(`cannot run ${command}: ${result.error.message}`);
		return 1;
	}
	return result.status ?? 1;
}
