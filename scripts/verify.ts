import { fileURLToPath } from 'node:url';
import { runVerifyCli } from '../src/lib/verify/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runVerifyCli(process.argv.slice(2), root);
