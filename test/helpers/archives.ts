import { crc32, deflateRawSync } from 'node:zlib';

/** Minimal writers for tar and zip archives, so tests can build inputs for the readers in memory. */

const encoder = new TextEncoder();
const BLOCK = 512;

export interface TarFile {
	name: string;
	data?: Uint8Array | string;
	/** Typeflag, `0` (file) by default. */
	type?: string;
	mode?: number;
	/** Puts the leading part of a long name in the ustar prefix field. */
	prefix?: string;
}

function put(block: Uint8Array, offset: number, length: number, value: string): void {
	block.set(encoder.encode(value).subarray(0, length), offset);
}

function octal(value: number, length: number): string {
	return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

export function tarHeader(file: { name: string; size: number; type?: string; mode?: number; prefix?: string }): Uint8Array {
	const header = new Uint8Array(BLOCK);
	put(header, 0, 100, file.name);
	put(header, 100, 8, octal(file.mode ?? 0o644, 8));
	put(header, 108, 8, octal(0, 8));
	put(header, 116, 8, octal(0, 8));
	put(header, 124, 12, octal(file.size, 12));
	// A fixed mtime keeps packaged test charts byte-identical between runs.
	put(header, 136, 12, octal(1_700_000_000, 12));
	put(header, 148, 8, '        ');
	put(header, 156, 1, file.type ?? '0');
	put(header, 257, 6, 'ustar\0');
	put(header, 263, 2, '00');
	if (file.prefix) put(header, 345, 155, file.prefix);
	const sum = header.reduce((total, byte) => total + byte, 0);
	put(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
	return header;
}

/** A pax extended header record: `<length> <key>=<value>\n`, the length counting itself. */
export function paxRecord(key: string, value: string): string {
	const body = ` ${key}=${value}\n`;
	let length = body.length + 1;
	while (`${length}${body}`.length !== length) length++;
	return `${length}${body}`;
}

export function createTar(files: TarFile[]): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const file of files) {
		const data = typeof file.data === 'string' ? encoder.encode(file.data) : (file.data ?? new Uint8Array());
		parts.push(tarHeader({ ...file, size: data.length }));
		parts.push(data);
		const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
		parts.push(new Uint8Array(padding));
	}
	parts.push(new Uint8Array(BLOCK * 2));
	return concat(parts);
}

export interface ZipFile {
	name: string;
	data: Uint8Array | string;
	/** `true` deflates, `false` stores. */
	deflate?: boolean;
}

export function createZip(files: ZipFile[]): Uint8Array {
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const file of files) {
		const data = typeof file.data === 'string' ? encoder.encode(file.data) : file.data;
		const stored = file.deflate ? deflateRawSync(data) : data;
		const name = encoder.encode(file.name);
		const crc = crc32(data);
		const method = file.deflate ? 8 : 0;

		const local = new DataView(new ArrayBuffer(30));
		local.setUint32(0, 0x04034b50, true);
		local.setUint16(4, 20, true);
		local.setUint16(8, method, true);
		local.setUint32(14, crc, true);
		local.setUint32(18, stored.length, true);
		local.setUint32(22, data.length, true);
		local.setUint16(26, name.length, true);
		locals.push(new Uint8Array(local.buffer), name, stored);

		const central = new DataView(new ArrayBuffer(46));
		central.setUint32(0, 0x02014b50, true);
		central.setUint16(4, 20, true);
		central.setUint16(6, 20, true);
		central.setUint16(10, method, true);
		central.setUint32(16, crc, true);
		central.setUint32(20, stored.length, true);
		central.setUint32(24, data.length, true);
		central.setUint16(28, name.length, true);
		central.setUint32(42, offset, true);
		centrals.push(new Uint8Array(central.buffer), name);
		offset += 30 + name.length + stored.length;
	}
	const directory = concat(centrals);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, files.length, true);
	end.setUint16(10, files.length, true);
	end.setUint32(12, directory.length, true);
	end.setUint32(16, offset, true);
	return concat([...locals, directory, new Uint8Array(end.buffer)]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
