import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Entry<T> {
	key: string;
	/** sha256 of the JSON of `value`: a torn or edited file is detected and recomputed. */
	integrity: string;
	value: T;
}

export type CacheLookup<T> = { state: 'hit'; value: T } | { state: 'miss' } | { state: 'corrupt'; reason: string };

/**
 * A content-addressed store on disk: one JSON file per key. Writes are atomic (temporary file,
 * then rename), so a build that is killed leaves either the old entry or the new one.
 */
export class JsonCache<T> {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	pathOf(key: string): string {
		return join(this.dir, key.slice(0, 2), `${key}.json`);
	}

	async get(key: string): Promise<CacheLookup<T>> {
		let text: string;
		try {
			text = await readFile(this.pathOf(key), 'utf8');
		} catch {
			return { state: 'miss' };
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
		const path = this.pathOf(key);
		await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
		const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		await writeFile(temporary, JSON.stringify(entry));
		await rename(temporary, path);
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
