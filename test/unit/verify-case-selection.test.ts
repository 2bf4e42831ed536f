import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runVerifyCli } from '../../src/lib/verify/cli.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { replaceOnce, validCase, silentProgress } from '../helpers/project.ts';

/** `--case` with an id no article has: an error that lists the ids, and the report left alone. */

let root: string;
const earlierReport = '{"an": "earlier report, byte for byte"}\n';

before(async () => {
	root = await mkdtemp(join(tmpdir(), 'casebook-case-selection-'));
	await mkdir(join(root, 'content/docs/tempo'), { recursive: true });
	const files = {
		...(await validCase({}, 'tempo/valid.mdx')),
		...(await validCase({ mdx: replaceOnce('id: fixture-valid', 'id: fixture-other') }, 'tempo/other.mdx')),
	};
	for (const [name, text] of Object.entries(files)) await writeFile(join(root, 'content/docs', name), text);
	await writeFile(
		join(root, 'casebook.config.json'),
		JSON.stringify({ charts: resolve(root, 'no-mirror-needed'), report: 'report.json', allowNetwork: false }),
	);
});
after(async () => {
	await rm(root, { recursive: true, force: true });
});

describe('verify --case with an unknown id', () => {
	it('fails before rendering, listing the known case ids, and leaves the report untouched', async () => {
		const config = loadConfig(root, {});
		await writeFile(config.report, earlierReport);
		const outcome = await verify({ config, only: ['fixture-valid', 'no-such-case'], progress: silentProgress });
		assert.equal(outcome.failures.length, 1);
		assert.equal(
			formatFailure(outcome.failures[0]!),
			'--case: no case has the id "no-such-case"\n    expected: one of fixture-other, fixture-valid\n    found:    no-such-case',
		);
		assert.equal(outcome.report, undefined);
		assert.equal(await readFile(config.report, 'utf8'), earlierReport);
	});

	it('exits 1 from the command line', async (t) => {
		const printed: string[] = [];
		t.mock.method(console, 'error', (...args: unknown[]) => printed.push(args.join(' ')));
		assert.equal(await runVerifyCli(['--case', 'nope'], root), 1);
		assert.match(printed.join('\n'), /no case has the id "nope"[\s\S]*one of fixture-other, fixture-valid/);
		assert.equal(await readFile(join(root, 'report.json'), 'utf8'), earlierReport);
	});
});
