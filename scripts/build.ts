import { fileURLToPath } from 'node:url';
import { buildSite } from '../src/lib/tasks/site-build.ts';
import { runVerifyCli } from '../src/lib/verify/cli.ts';

// The site is only written after every claim is verified, and only replaces dist/ when the whole
// build succeeded: a failed check or build leaves the last good site in place.
const root = fileURLToPath(new URL('..', import.meta.url));
const verified = await runVerifyCli(process.argv.slice(2), root);
process.exitCode = verified !== 0 ? verified : await buildSite({ root, outDir: 'dist' });
