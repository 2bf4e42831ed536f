import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/lib/config/load.ts';
import { formatBenchmark, runBenchmark } from '../src/lib/verify/bench.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log(formatBenchmark(await runBenchmark(loadConfig(root))));
