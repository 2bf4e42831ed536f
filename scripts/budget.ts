import { parseArgs } from 'node:util';
import { measureBudget } from '../src/lib/tasks/budget.ts';

// Prints what a first visit and a first search download, and how much JavaScript pages run,
// for a built site: `npm run budget [-- --dir dist --base / --query statefulset]`.
const { values } = parseArgs({
	options: {
		dir: { type: 'string', default: process.env.CASEBOOK_DIST || 'dist' },
		base: { type: 'string', default: process.env.CASEBOOK_BASE || '/' },
		query: { type: 'string', default: 'statefulset' },
	},
});
console.log(await measureBudget({ dir: values.dir!, base: values.base!, query: values.query! }));
