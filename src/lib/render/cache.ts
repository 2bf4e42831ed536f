import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderResult } from './types.ts';

interface CacheEntry {
	key: string;
	/** sha256 of the JSON of `result`: a torn or edited file is detected and rendered again. */
	integrity: string;
	result: RenderResult;
}

export type CacheLookup =
	| { state: 'hit'; result: RenderResult }
	| { state: 'miss' }
	| { state: 'corrupt'; reason: string };

/** Renders on disk, one file per render key. Writes are atomic (temporary file, then rename). */
export class RenderCache {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	pathOf(key: string): string {
		return join(this.dir, key.slice(0, 2), `${key}.json`);
	}

	async get(key: string): Promise<CacheLookup> {
		let text: string;
		try {
			text = await readFile(this.pathOf(key), 'utf8');
		} catch {
			return { state: 'miss' };
		}
		const reason = validateEntry(text, key);
		if (typeof reason === 'string') {
			await rm(this.pathOf(key), { force: true });
			return { state: 'corrupt', reason };
		}
		return { state: 'hit', result: reason.result };
	}

	async put(key: string, result: RenderResult): Promise<void> {
		const entry: CacheEntry = { key, integrity: digest(result), result };
		const path = this.pathOf(key);
		await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
		const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		await writeFile(temporary, JSON.stringify(entry));
		await rename(temporary, path);
	}
}

function validateEntry(text: string, key: string): CacheEntry | string {
	let entry: CacheEntry;
	try {
		entry = JSON.parse(text);
	} catch {
		return 'not valid JSON';
	}
	if (!entry || entry.key !== key || typeof entry.result !== 'object' || entry.result === null) {
		return 'wrong key or shape';
	}
	if (entry.integrity !== digest(entry.result)) return 'integrity digest does not match';
	return entry;
}

function digest(result: RenderResult): string {
	return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}
