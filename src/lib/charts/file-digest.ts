import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * sha256 of a file, hashed once per process. The memo is keyed by the file's identity (inode, size,
 * mtime) as well as its path, so a file replaced during the run is hashed again.
 */

const memo = new Map<string, Promise<string>>();

export function sha256Hex(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

export async function fileSha256(path: string): Promise<string> {
	const info = await stat(path);
	const key = `${path}\0${info.ino}\0${info.size}\0${info.mtimeMs}`;
	let digest = memo.get(key);
	if (!digest) {
		digest = hashStream(path);
		memo.set(key, digest);
		digest.catch(() => memo.delete(key));
	}
	return digest;
}

function hashStream(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(path)
			.on('error', reject)
			.on('data', (chunk) => hash.update(chunk))
			.on('end', () => resolve(hash.digest('hex')));
	});
}
