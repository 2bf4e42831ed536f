import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeFileAtomic } from '../../src/lib/fs/atomic.ts';
import { memoAsync } from '../../src/lib/fs/memo.ts';

const dir = await mkdtemp(join(tmpdir(), 'casebook-fs-'));
after(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
	it('creates folders, replaces the file whole and leaves no temporary file', async () => {
		const path = join(dir, 'a/b/report.json');
		await writeFileAtomic(path, 'one');
		await writeFileAtomic(path, 'two');
		assert.equal(await readFile(path, 'utf8'), 'two');
		assert.deepEqual(await readdir(join(dir, 'a/b')), ['report.json']);
	});
});

describe('memoAsync', () => {
	it('runs once per key for concurrent callers and forgets a failure', async () => {
		let runs = 0;
		const fail = { on: true };
		const get = memoAsync(async (key: string) => {
			runs++;
			if (fail.on) throw new Error(`no ${key}`);
			return key.toUpperCase();
		});
		await assert.rejects(Promise.all([get('a'), get('a')]), /no a/);
		assert.equal(runs, 1);
		fail.on = false;
		assert.deepEqual(await Promise.all([get('a'), get('a'), get('b')]), ['A', 'A', 'B']);
		assert.equal(runs, 3);
	});
});
