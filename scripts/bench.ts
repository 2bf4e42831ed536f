import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/lib/config/load.ts';
import { formatBenchmark, runBenchmark } from '../src/lib/verify/bench.ts';

// One case by default so the serial baseline finishes in minutes; `--all` times every case.
const DEFAULT_CASES = ['tempo-ingester-statefulset-missing'];
const { values } = parseArgs({ options: { case: { type: 'string', multiple: true }, all: { type: 'boolean' } } });
const root = fileURLToPath(new URL('..', import.meta.url));
const only = values.all ? [] : (values.case ?? DEFAULT_CASES);
console.log(formatBenchmark(await runBenchmark(loadConfig(root), only)));
