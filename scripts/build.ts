import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runVerifyCli } from '../src/lib/verify/cli.ts';

// The site is only written after every claim is verified: a failed check leaves no dist/ behind.
const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const verified = await runVerifyCli(process.argv.slice(2), root);
if (verified !== 0) {
	process.exitCode = verified;
} else {
	const astro = spawnSync('astro', ['build', '--force'], { cwd: root, stdio: 'inherit' });
	process.exitCode = astro.status ?? 1;
}
