/**
 * A reader for uncompressed tar archives (ustar, with pax and GNU long-name extensions), just enough
 * to pull one file out of an npm tarball without a dependency. Pure: bytes in, entries out.
 */

const BLOCK = 512;

export interface TarEntry {
	name: string;
	/** `0` regular file, `5` directory, `2` symlink, ... as in the header's typeflag. */
	type: string;
	data: Uint8Array;
}

const decoder = new TextDecoder();

function text(block: Uint8Array, offset: number, length: number): string {
	const field = block.subarray(offset, offset + length);
	const end = field.indexOf(0);
	return decoder.decode(end === -1 ? field : field.subarray(0, end));
}

/** Numeric header fields are octal text, or big-endian base-256 when the top bit is set. */
function number(block: Uint8Array, offset: number, length: number): number {
	const field = block.subarray(offset, offset + length);
	if (field[0]! & 0x80) {
		let value = field[0]! & 0x7f;
		for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
		return value;
	}
	const digits = text(block, offset, length).trim();
	return digits === '' ? 0 : Number.parseInt(digits, 8);
}

function isZeroBlock(block: Uint8Array): boolean {
	return block.every((byte) => byte === 0);
}

/** Records are `<length> <key>=<value>\n`, the length counting the whole record. */
function parsePax(data: Uint8Array): Map<string, string> {
	const records = new Map<string, string>();
	let offset = 0;
	while (offset < data.length) {
		const space = data.indexOf(0x20, offset);
		if (space === -1) break;
		const length = Number.parseInt(decoder.decode(data.subarray(offset, space)), 10);
		if (!Number.isFinite(length) || length <= 0) break;
		const record = decoder.decode(data.subarray(space + 1, offset + length - 1));
		const equals = record.indexOf('=');
		if (equals !== -1) records.set(record.slice(0, equals), record.slice(equals + 1));
		offset += length;
	}
	return records;
}

function checksumMatches(header: Uint8Array): boolean {
	const recorded = number(header, 148, 8);
	let sum = 0;
	for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
	return sum === recorded;
}

/** Every entry of a tar archive, in order. Metadata entries (pax, GNU long names) are applied, not yielded. */
export function* tarEntries(archive: Uint8Array): Generator<TarEntry> {
	let offset = 0;
	let pending: { path?: string; size?: number } = {};
	let globalPath: string | undefined;
	while (offset + BLOCK <= archive.length) {
		const header = archive.subarray(offset, offset + BLOCK);
		if (isZeroBlock(header)) return;
		if (!checksumMatches(header)) throw new Error(`tar header at byte ${offset} has a bad checksum`);
		const type = text(header, 156, 1) || '0';
		let size = number(header, 124, 12);
		if (pending.size !== undefined) size = pending.size;
		const dataStart = offset + BLOCK;
		if (dataStart + size > archive.length) throw new Error(`tar entry at byte ${offset} is truncated`);
		const data = archive.subarray(dataStart, dataStart + size);
		offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

		if (type === 'x') {
			const pax = parsePax(data);
			pending = { path: pax.get('path'), size: pax.has('size') ? Number(pax.get('size')) : undefined };
			continue;
		}
		if (type === 'g') {
			globalPath = parsePax(data).get('path') ?? globalPath;
			continue;
		}
		if (type === 'L') {
			pending = { ...pending, path: text(data, 0, data.length) };
			continue;
		}

		const magic = text(header, 257, 6);
		const prefix = magic.startsWith('ustar') ? text(header, 345, 155) : '';
		const headerName = text(header, 0, 100);
		const name = pending.path ?? (prefix ? `${prefix}/${headerName}` : headerName);
		pending = {};
		yield { name: name || globalPath || '', type, data };
	}
}

/** The content of the regular file `name`, or undefined when the archive has no such file. */
export function readTarFile(archive: Uint8Array, name: string): Uint8Array | undefined {
	for (const entry of tarEntries(archive)) {
		if (entry.name === name && (entry.type === '0' || entry.type === '7')) return entry.data;
	}
	return undefined;
}
