import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { availableVersions, obtainChart } from '../../src/lib/charts/obtain.ts';
import { CasebookError } from '../../src/lib/errors.ts';
import { createFixtureMirror, packageDemoChart, sha256, type FixtureMirror } from '../helpers/charts.ts';

let scratch: string;
let mirror: FixtureMirror;
let cacheDir: string;

before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-obtain-test-'));
	mirror = await createFixtureMirror(join(scratch, 'mirror'), ['0.1.0', '0.2.0', '0.3.0', '1.0.0'], {
		wrongDigest: ['0.2.0'],
	});
	cacheDir = join(scratch, 'cache');
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

const base = () => ({ mirrorRoot: mirror.root, cacheDir, repository: 'fixture', chart: 'demo', allowNetwork: false });

describe('obtainChart', () => {
	it('returns a mirror archive whose digest matches the index', async () => {
		assert.deepEqual(await obtainChart({ ...base(), version: '0.1.0' }), {
			repository: 'fixture',
			repositoryUrl: 'https://charts.example.invalid/fixture',
			name: 'demo',
			version: '0.1.0',
			digest: mirror.digests['0.1.0'],
			archivePath: join(mirror.root, 'fixture', 'demo-0.1.0.tgz'),
			origin: 'mirror',
		});
	});

	it('refuses an archive whose digest does not match the index', async () => {
		await assert.rejects(obtainChart({ ...base(), version: '0.2.0' }), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.equal(error.file, join(mirror.root, 'fixture', 'demo-0.2.0.tgz'));
			assert.match(
				error.message,
				new RegExp(`archive digest does not match index .*: expected ${'0'.repeat(64)} found ${mirror.digests['0.2.0']}`),
			);
			return true;
		});
	});

	it('lists the nearest versions when a version is nowhere, and network is off', async () => {
		await assert.rejects(obtainChart({ ...base(), version: '0.2.5' }), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.match(error.message, /fixture\/demo 0\.2\.5 is neither in the mirror nor in the download cache/);
			assert.equal(error.expected, 'available: 0.1.0 - 1.0.0 (4 versions); nearest: 0.1.0, 0.2.0 < 0.2.5 < 0.3.0, 1.0.0');
			return true;
		});
	});

	it('names the known repositories for an unknown one', async () => {
		await assert.rejects(obtainChart({ ...base(), repository: 'nope', version: '0.1.0' }), /unknown chart repository "nope"/);
	});

	it('uses a cached download verified against the cached official index', async () => {
		const folder = join(cacheDir, 'charts', 'fixture');
		await mkdir(folder, { recursive: true });
		const archive = await packageDemoChart('2.0.0');
		await writeFile(join(folder, 'demo-2.0.0.tgz'), archive);

		await assert.rejects(obtainChart({ ...base(), version: '2.0.0' }), /cached chart archive cannot be verified/);

		const official = { apiVersion: 'v1', entries: { demo: [{ version: '2.0.0', digest: sha256(archive), urls: ['x'] }] } };
		await writeFile(join(folder, 'index.yaml'), stringify(official));
		const chart = await obtainChart({ ...base(), version: '2.0.0' });
		assert.equal(chart.origin, 'cache');
		assert.equal(chart.digest, sha256(archive));
		assert.deepEqual(await availableVersions(mirror.root, 'fixture', 'demo', cacheDir), [
			'0.1.0',
			'0.2.0',
			'0.3.0',
			'1.0.0',
			'2.0.0',
		]);
		assert.deepEqual(await availableVersions(mirror.root, 'fixture', 'demo'), ['0.1.0', '0.2.0', '0.3.0', '1.0.0']);
		assert.deepEqual(await availableVersions(mirror.root, 'fixture', 'other'), []);
	});

	it('refuses a cached archive that was altered', async () => {
		const folder = join(cacheDir, 'charts', 'fixture');
		await copyFile(join(mirror.root, 'fixture', 'demo-0.1.0.tgz'), join(folder, 'demo-2.0.0.tgz'));
		await assert.rejects(obtainChart({ ...base(), version: '2.0.0' }), /archive digest does not match index/);
	});

	it('says which versions exist when the official index cannot be reached', async () => {
		const offline = await createFixtureMirror(join(scratch, 'offline-mirror'), ['0.1.0', '0.3.0'], {
			url: 'http://127.0.0.1:1/charts',
		});
		const helm = { major: '3', path: '/nonexistent/helm', version: 'v3', sha256: '', source: 'test' };
		await assert.rejects(
			obtainChart({
				...base(),
				mirrorRoot: offline.root,
				cacheDir: join(scratch, 'offline-cache'),
				version: '0.2.0',
				allowNetwork: true,
				helm,
			}),
			(error: unknown) => {
				assert.ok(error instanceof CasebookError);
				assert.match(error.message, /fixture\/demo 0\.2\.0 is not in the mirror, and cannot download http:\/\/127\.0\.0\.1:1\/charts\/index\.yaml/);
				assert.equal(error.expected, 'available: 0.1.0 - 0.3.0 (2 versions); nearest: 0.1.0 < 0.2.0 < 0.3.0');
				return true;
			},
		);
	});

	it('needs a helm binary to download', async () => {
		await assert.rejects(
			obtainChart({ ...base(), version: '9.0.0', cacheDir: join(scratch, 'empty-cache'), allowNetwork: true }),
			/no helm binary was given/,
		);
	});
});
