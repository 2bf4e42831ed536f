import { fileURLToPath } from 'node:url';
import { runCheckCli } from '../src/lib/check/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// npm runs scripts from the project root; INIT_CWD is where `npm run check` was typed, so -f paths are the user's.
process.exitCode = await runCheckCli(process.argv.slice(2), root, process.env.INIT_CWD ?? process.cwd());
