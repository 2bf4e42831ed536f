import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { memoAsync } from '../fs/memo.ts';

/**
 * sha256 of a file, hashed once per process. The memo is keyed by the file's identity (inode, size,
 * mtime) as well as its path, so a file replaced during the run is hashed again.
 */


export function sha256Hex(data: Uint8Array | string): string {
	return createHash('sha256').update(data).digest('hex');
}

export async function fileSha256(path: string): Promise<string> {
	const info = await stat(path);
	return hashOnce({ path, key: `${path}\0${info.ino}\0${info.size}\0${info.mtimeMs}` });
}

const hashOnce = memoAsync(({ path }: { path: string; key: string }) => hashStream(path), ({ key }) => key);

function hashStream(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(path)
			.on('error', reject)
			.on('data', (chunk) => hash.update(chunk))
			.on('end', () => resolve(hash.digest('hex')));
	});
}
