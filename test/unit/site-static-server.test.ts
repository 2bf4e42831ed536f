import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contentType, createStaticServer, routeRequest } from '../../src/lib/site/static-server.ts';

const dirs = new Set(['tempo', 'tempo/x', 'api', 'empty']);
const routeAt = (path: string, base = '/kb/') => routeRequest(path, { base, isDirectory: (relative) => dirs.has(relative.replace(/\/$/, '')) });

describe('routeRequest', () => {
	it('serves paths under the base, relative to the build', () => {
		assert.deepEqual(routeAt('/kb/'), { kind: 'serve', path: '/' });
		assert.deepEqual(routeAt('/kb/tempo/x/'), { kind: 'serve', path: '/tempo/x/' });
		assert.deepEqual(routeAt('/kb/api/cases.json'), { kind: 'serve', path: '/api/cases.json' });
		assert.deepEqual(routeAt('/tempo/x/', '/'), { kind: 'serve', path: '/tempo/x/' });
	});

	it('adds the trailing slash to directories and leads the bare base and / to the site', () => {
		assert.deepEqual(routeAt('/kb/tempo/x'), { kind: 'redirect', location: '/kb/tempo/x/' });
		assert.deepEqual(routeAt('/kb'), { kind: 'redirect', location: '/kb/' });
		assert.deepEqual(routeAt('/'), { kind: 'redirect', location: '/kb/' });
	});

	it('finds nothing outside the base', () => {
		assert.deepEqual(routeAt('/tempo/x/'), { kind: 'not-found' });
		assert.deepEqual(routeAt('/kbx/tempo/x/'), { kind: 'not-found' });
	});

	it('refuses to leave the root, however the path is spelled', () => {
		for (const path of [
			'/kb/../etc/passwd',
			'/kb/tempo/../../secret',
			'/kb/%2e%2e/%2e%2e/etc/passwd',
			'/kb/..%2f..%2fetc/passwd',
			'/kb/tempo%5c..%5c..%5csecret',
			'/kb/%00index.html',
			'/kb/%E0%A4%A',
			'/kb/./index.html',
		]) {
			assert.deepEqual(routeAt(path), { kind: 'not-found' }, path);
		}
	});
});

describe('contentType', () => {
	it('gives downloads and Pagefind files the types they need', () => {
		assert.equal(contentType('snippets/x/fix.yaml'), 'text/yaml; charset=utf-8');
		assert.equal(contentType('snippets/x/confirm.sh'), 'text/plain; charset=utf-8');
		assert.equal(contentType('pagefind/wasm.en.pagefind'), 'application/octet-stream');
		assert.equal(contentType('pagefind/index/en_1.pf_index'), 'application/octet-stream');
		assert.equal(contentType('index.html'), undefined, 'the rest is sirv\'s');
	});
});
describe('createStaticServer', () => {
	let dir: string;
	let origin: string;
	let close: () => Promise<void>;
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'casebook-static-'));
		await mkdir(join(dir, 'dist', 'tempo'), { recursive: true });
		await writeFile(join(dir, 'dist', 'tempo', 'index.html'), '<p>tempo</p>');
		await writeFile(join(dir, 'dist', '404.html'), '<p>not found</p>');
		await writeFile(join(dir, 'secret.txt'), 'secret');
		const server = createStaticServer({ root: join(dir, 'dist'), base: '/kb/' });
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		close = () => new Promise((resolve) => server.close(() => resolve()));
	});
	after(async () => {
		await close();
		await rm(dir, { recursive: true, force: true });
	});

	it('serves pages, redirects directories and answers 404 with the 404 page', async () => {
		const page = await fetch(`${origin}/kb/tempo/`);
		assert.equal(page.status, 200);
		assert.match(page.headers.get('content-type') ?? '', /^text\/html; ?charset=utf-8$/);
		assert.equal(await page.text(), '<p>tempo</p>');

		const redirect = await fetch(`${origin}/kb/tempo?x=1`, { redirect: 'manual' });
		assert.equal(redirect.status, 301);
		assert.equal(redirect.headers.get('location'), '/kb/tempo/?x=1');

		const missing = await fetch(`${origin}/kb/nothing/`);
		assert.equal(missing.status, 404);
		assert.equal(await missing.text(), '<p>not found</p>');

		const post = await fetch(`${origin}/kb/tempo/`, { method: 'POST' });
		assert.equal(post.status, 405);
	});

	it('does not serve files beside the root', async () => {
		const { request } = await import('node:http');
		// fetch() normalises `..` away; a raw request sends the path as written.
		const { port } = new URL(origin);
		const statusOf = (path: string) =>
			new Promise<number>((resolve, reject) => {
				request({ host: '127.0.0.1', port, path }, (res) => {
					res.resume();
					resolve(res.statusCode!);
				})
					.on('error', reject)
					.end();
			});
		assert.equal(await statusOf('/kb/../secret.txt'), 404);
		assert.equal(await statusOf('/kb/%2e%2e/secret.txt'), 404);
		assert.equal(await statusOf('/kb/tempo/'), 200);
	});
});
