import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { normaliseBase } from './base.ts';

/**
 * A small static file server for the built site: `npm run preview` and the browser tests serve
 * `dist/` with it under the configured base path, so what they see is what a static host serves.
 */

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.yaml': 'text/yaml; charset=utf-8',
	'.yml': 'text/yaml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.sh': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	// Pagefind's compressed wasm (wasm.<lang>.pagefind); its pf_* chunks are handled below.
	'.pagefind': 'application/octet-stream',
};

export function contentType(path: string): string {
	const ext = extname(path).toLowerCase();
	if (ext.startsWith('.pf_')) return 'application/octet-stream';
	return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export type Resolution =
	| { kind: 'file'; path: string }
	/** A directory asked for without its trailing slash: send the browser to `location`. */
	| { kind: 'redirect'; location: string }
	| { kind: 'not-found' };

/** What the file system looks like to the resolver; injectable so the logic is testable. */
export interface FileLookup {
	isFile(path: string): boolean;
	isDirectory(path: string): boolean;
}

export const diskLookup: FileLookup = {
	isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
	isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
};

/**
 * Maps a request path (`/kb/tempo/x/`) to a file under `root`. Paths outside the base, paths
 * that escape `root` (`..`, encoded or not) and malformed escapes resolve to not-found.
 */
export function resolveRequestPath(
	requestPath: string,
	options: { root: string; base: string; lookup?: FileLookup },
): Resolution {
	const lookup = options.lookup ?? diskLookup;
	const base = normaliseBase(options.base);
	const pathname = requestPath.split(/[?#]/)[0]!;
	// `/kb` and, for convenience, the server root lead to the site.
	if (`${pathname}/` === base || (pathname === '/' && base !== '/')) return { kind: 'redirect', location: base };
	if (!pathname.startsWith(base)) return { kind: 'not-found' };
	let relative: string;
	try {
		relative = decodeURIComponent(pathname.slice(base.length));
	} catch {
		return { kind: 'not-found' };
	}
	if (relative.includes('\0') || relative.includes('\\')) return { kind: 'not-found' };
	const segments = relative.split('/');
	if (segments.some((s) => s === '..' || s === '.')) return { kind: 'not-found' };
	const root = resolve(options.root);
	const target = resolve(root, ...segments.filter(Boolean));
	if (target !== root && !target.startsWith(root + sep)) return { kind: 'not-found' };
	if (lookup.isDirectory(target)) {
		if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
		const index = join(target, 'index.html');
		return lookup.isFile(index) ? { kind: 'file', path: index } : { kind: 'not-found' };
	}
	if (pathname.endsWith('/')) return { kind: 'not-found' };
	return lookup.isFile(target) ? { kind: 'file', path: target } : { kind: 'not-found' };
}

export interface StaticServerOptions {
	/** The build output, usually `dist`. */
	root: string;
	/** The base path the site was built for, e.g. `/` or `/kb/`. */
	base: string;
}

export function createStaticServer(options: StaticServerOptions): Server {
	const root = resolve(options.root);
	const notFoundPage = join(root, '404.html');
	return createServer((request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const resolution = resolveRequestPath(request.url ?? '/', { root, base: options.base });
		if (resolution.kind === 'redirect') {
			const query = (request.url ?? '').match(/\?[^#]*/)?.[0] ?? '';
			response.writeHead(301, { location: resolution.location + query }).end();
			return;
		}
		const [status, file] =
			resolution.kind === 'file' ? [200, resolution.path] : [404, diskLookup.isFile(notFoundPage) ? notFoundPage : undefined];
		if (!file) {
			response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
			return;
		}
		response.writeHead(status, {
			'content-type': contentType(file),
			'content-length': statSync(file).size,
			'cache-control': 'no-cache',
			'x-content-type-options': 'nosniff',
		});
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		createReadStream(file)
			.on('error', () => response.destroy())
			.pipe(response);
	});
}
