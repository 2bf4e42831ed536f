import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findIndexEntry, readIndexFile } from '../../src/lib/charts/index-file.ts';
import { findRepository, loadRepositories } from '../../src/lib/charts/repositories.ts';
import { CasebookError } from '../../src/lib/errors.ts';

const fixtureIndex = join(import.meta.dirname, '../fixtures/charts/index/index.yaml');

let scratch: string;
before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-index-test-'));
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('readIndexFile', () => {
	// The fixture's digests are all digits on purpose: read as YAML numbers they would be mangled.
	it('maps chart names to their versions, digests, urls and creation times', async () => {
		const index = await readIndexFile(fixtureIndex);
		assert.deepEqual([...index.keys()], ['tempo-distributed', 'loki']);
		assert.deepEqual(index.get('tempo-distributed'), [
			{
				version: '1.13.2',
				digest: '1'.repeat(64),
				urls: ['tempo-distributed-1.13.2.tgz'],
				created: '2023-01-10T12:00:00.000000000Z',
			},
			{ version: '1.13.1', digest: '2'.repeat(64), urls: ['https://example.invalid/tempo-distributed-1.13.1.tgz'] },
		]);
		assert.equal(findIndexEntry(index, 'loki', '6.19.0-weekly.227')?.digest, '3'.repeat(64));
		assert.equal(findIndexEntry(index, 'loki', '9.9.9'), undefined);
		assert.equal(findIndexEntry(index, 'mimir', '1.0.0'), undefined);
	});

	it('parses a file once per process', async () => {
		assert.equal(await readIndexFile(fixtureIndex), await readIndexFile(fixtureIndex));
	});

	it('points at the line of an invalid entry', async () => {
		const path = join(scratch, 'bad-digest.yaml');
		await writeFile(
			path,
			['apiVersion: v1', 'entries:', '  demo:', '    - version: 1.0.0', '      digest: nothex', '      urls: [demo-1.0.0.tgz]', ''].join('\n'),
		);
		await assert.rejects(readIndexFile(path), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.equal(error.file, path);
			assert.equal(error.line, 5);
			assert.match(error.message, /entries\.demo\[0\]\.digest: expected a sha256 digest/);
			return true;
		});
	});

	it('reports YAML syntax errors with their position', async () => {
		const path = join(scratch, 'broken.yaml');
		await writeFile(path, 'apiVersion: v1\nentries:\n  demo: [\n');
		await assert.rejects(readIndexFile(path), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.match(error.message, /invalid YAML/);
			assert.equal(typeof error.line, 'number');
			return true;
		});
	});
});

describe('repositories.yaml', () => {
	it('loads names and urls, without a trailing slash', async () => {
		const root = join(scratch, 'mirror');
		await mkdir(join(root, 'one'), { recursive: true });
		await writeFile(
			join(root, 'repositories.yaml'),
			'repositories:\n  - name: one\n    url: https://one.example/charts/\n    charts: { a: "1.0.0 - 2.0.0" }\n  - name: two\n    url: https://two.example\n',
		);
		assert.deepEqual(await loadRepositories(root), [
			{ name: 'one', url: 'https://one.example/charts' },
			{ name: 'two', url: 'https://two.example' },
		]);
		assert.deepEqual(await findRepository(root, 'one'), { name: 'one', url: 'https://one.example/charts' });
		await assert.rejects(findRepository(root, 'three'), /unknown chart repository "three"/);
		await assert.rejects(findRepository(root, 'three'), (error: CasebookError) => error.expected === 'one of one, two');
		await assert.rejects(findRepository(root, 'two'), /has no folder in the mirror/);
	});

	it('rejects a repository without a valid url, naming the line', async () => {
		const root = join(scratch, 'bad-mirror');
		await mkdir(root, { recursive: true });
		await writeFile(join(root, 'repositories.yaml'), 'repositories:\n  - name: one\n    url: ftp://one.example\n');
		await assert.rejects(loadRepositories(root), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.equal(error.line, 3);
			assert.match(error.message, /repositories\[0\]\.url/);
			return true;
		});
	});
});
