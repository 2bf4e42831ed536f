import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config/load.ts';
import { measureBudget } from '../src/lib/tasks/budget.ts';

// Prints what a first visit and a first search download, and how much JavaScript pages run,
// for a built site: `npm run budget [-- --dir dist --query statefulset]`; the base path is the
// configured one (CASEBOOK_BASE) unless --base says otherwise.
const config = loadConfig(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
	options: {
		dir: { type: 'string', default: 'dist' },
		base: { type: 'string', default: config.base },
		query: { type: 'string', default: 'statefulset' },
	},
});
console.log(await measureBudget({ dir: values.dir!, base: values.base!, query: values.query!, browser: config.browser }));
