import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { JsonCache } from '../../src/lib/render/cache.ts';
import type { RenderResult } from '../../src/lib/render/types.ts';

const dir = await mkdtemp(join(tmpdir(), 'casebook-cache-'));
after(() => rm(dir, { recursive: true, force: true }));

const result = { exitCode: 0, stdout: 'kind: ConfigMap\n', stderr: '', durationMs: 12, timedOut: false };

describe('JsonCache', () => {
	it('returns what was stored under a key', async () => {
		const cache = new JsonCache<RenderResult>(dir);
		assert.deepEqual(await cache.get('ab12'), { state: 'miss' });
		await cache.put('ab12', result);
		assert.deepEqual(await cache.get('ab12'), { state: 'hit', value: result });
	});

	it('detects an edited entry, drops it, and misses afterwards', async () => {
		const cache = new JsonCache<RenderResult>(dir);
		await cache.put('cd34', result);
		const path = cache.pathOf('cd34');
		const text = gunzipSync(await readFile(path)).toString('utf8');
		await writeFile(path, gzipSync(text.replace('ConfigMap', 'Secret')));
		const lookup = await cache.get('cd34');
		assert.equal(lookup.state, 'corrupt');
		assert.match((lookup as { reason: string }).reason, /integrity/);
		assert.deepEqual(await cache.get('cd34'), { state: 'miss' });
	});

	it('detects a truncated entry', async () => {
		const cache = new JsonCache<RenderResult>(dir);
		await cache.put('ef56', result);
		const path = cache.pathOf('ef56');
		const text = gunzipSync(await readFile(path)).toString('utf8');
		await writeFile(path, gzipSync(text.slice(0, 20)));
		assert.deepEqual(await cache.get('ef56'), { state: 'corrupt', reason: 'not valid JSON' });
	});

	it('detects a file that is not gzip at all', async () => {
		const cache = new JsonCache<RenderResult>(dir);
		await cache.put('ab78', result);
		await writeFile(cache.pathOf('ab78'), '{"key":"ab78"}');
		assert.deepEqual(await cache.get('ab78'), { state: 'corrupt', reason: 'not valid gzip' });
	});
});
