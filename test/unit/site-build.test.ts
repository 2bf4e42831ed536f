import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildSite } from '../../src/lib/tasks/site-build.ts';

const root = await mkdtemp(join(tmpdir(), 'casebook-site-build-'));
after(() => rm(root, { recursive: true, force: true }));

async function writeSite(dir: string, text: string) {
	await mkdir(dir, { recursive: true });
	await writeFile(join(dir, 'index.html'), text);
}

describe('buildSite', () => {
	it('keeps the previous site byte for byte when a build fails halfway', async () => {
		await writeSite(join(root, 'dist'), '<h1>last good</h1>');
		const code = await buildSite({
			root,
			outDir: 'dist',
			build: async (dir) => {
				await writeSite(dir, '<h1>half writ');
				return 1;
			},
		});
		assert.equal(code, 1);
		assert.equal(await readFile(join(root, 'dist/index.html'), 'utf8'), '<h1>last good</h1>');
		assert.deepEqual((await readdir(root)).sort(), ['dist'], 'no partial build left beside it');
	});

	it('swaps in a build that succeeded', async () => {
		const code = await buildSite({ root, outDir: 'dist', build: async (dir) => (await writeSite(dir, '<h1>new</h1>'), 0) });
		assert.equal(code, 0);
		assert.equal(await readFile(join(root, 'dist/index.html'), 'utf8'), '<h1>new</h1>');
		assert.deepEqual((await readdir(root)).sort(), ['dist']);
	});
});
