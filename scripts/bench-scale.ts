import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config/load.ts';
import { formatScale, runScaleBench } from '../src/lib/tasks/scale-bench.ts';
import { writeSyntheticContent } from '../test/support/synthetic-cases.ts';

// `npm run bench:scale [-- --cases 10,100,1000] [--keep]`: synthetic cases in .casebook/scale/<N>/
// (not committed), verified and built one N after the other, then a table of how each figure grows.
const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { cases: { type: 'string', default: '10,100,1000' }, keep: { type: 'boolean', default: false } } });
const counts = values.cases!.split(',').map((n) => Number(n.trim()));
if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
	console.error(`bench:scale: --cases takes whole numbers separated by commas, not "${values.cases}"`);
	process.exit(2);
}
const config = loadConfig(root);
const results = await runScaleBench({
	root,
	counts,
	scratch: join(root, '.casebook', 'scale'),
	writeContent: (dir, count) => writeSyntheticContent(dir, count, config.content),
	browser: config.browser,
	keep: values.keep,
	log: (line) => console.error(line),
});
console.log(formatScale(results));
