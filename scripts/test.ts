import { fileURLToPath } from 'node:url';
import { runTestSuite } from '../src/lib/tasks/test-suite.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runTestSuite(root);
