import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `data` beside `path` under a name no other writer uses, then renames it over `path`: a
 * reader (another build sharing the cache, the site reading the report) sees the old file or the
 * new one, never part of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		await writeFile(temporary, data);
		// writeFile's mode is cut by the umask; an executable must end up executable.
		if (options.mode !== undefined) await chmod(temporary, options.mode);
		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}
