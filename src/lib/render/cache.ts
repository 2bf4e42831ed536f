import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../fs/atomic.ts';

interface Entry<T> {
	key: string;
	/** sha256 of the JSON of `value`: a torn or edited file is detected and recomputed. */
	integrity: string;
	value: T;
}

export type CacheLookup<T> = { state: 'hit'; value: T } | { state: 'miss' } | { state: 'corrupt'; reason: string };

/**
 * A content-addressed store on disk: one gzipped JSON file per key (renders are large and
 * repetitive; gzip keeps thousands of them to a few dozen megabytes). Writes are atomic
 * (temporary file, then rename), so a build that is killed leaves either the old entry or the new.
 */
export class JsonCache<T> {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	pathOf(key: string): string {
		return join(this.dir, key.slice(0, 2), `${key}.json.gz`);
	}

	async get(key: string): Promise<CacheLookup<T>> {
		let compressed: Buffer;
		try {
			compressed = await readFile(this.pathOf(key));
		} catch {
			return { state: 'miss' };
		}
		let text: string;
		try {
			text = gunzipSync(compressed).toString('utf8');
		} catch {
			await rm(this.pathOf(key), { force: true });
			return { state: 'corrupt', reason: 'not valid gzip' };
		}
		const entry = validateEntry<T>(text, key);
		if (typeof entry === 'string') {
			await rm(this.pathOf(key), { force: true });
			return { state: 'corrupt', reason: entry };
		}
		return { state: 'hit', value: entry.value };
	}

	async put(key: string, value: T): Promise<void> {
		const entry: Entry<T> = { key, integrity: digest(value), value };
		await writeFileAtomic(this.pathOf(key), gzipSync(JSON.stringify(entry), { level: 1 }));
	}
}

function validateEntry<T>(text: string, key: string): Entry<T> | string {
	let entry: Entry<T>;
	try {
		entry = JSON.parse(text);
	} catch {
		return 'not valid JSON';
	}
	if (!entry || entry.key !== key || typeof entry.value !== 'object' || entry.value === null) {
		return 'wrong key or shape';
	}
	if (entry.integrity !== digest(entry.value)) return 'integrity digest does not match';
	return entry;
}

function digest(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
