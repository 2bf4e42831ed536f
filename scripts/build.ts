import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../src/lib/tasks/commands.ts';
import { runVerifyCli } from '../src/lib/verify/cli.ts';

// The site is only written after every claim is verified: a failed check leaves no dist/ behind.
const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const verified = await runVerifyCli(process.argv.slice(2), root);
process.exitCode = verified !== 0 ? verified : run('astro', ['build', '--force'], { cwd: root });
