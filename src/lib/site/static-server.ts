import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import sirv from 'sirv';
import { normaliseBase } from './base.ts';

/**
 * The built site served as a static host serves it, for `npm run preview`, the browser tests and
 * the budget: files come from sirv; this module adds only what a host in front of it does, the
 * base path (`/kb/`), the trailing slash on directories and the 404 page.
 */

/** Content types sirv's table does not give the way a reader's download and Pagefind need them. */
const CONTENT_TYPES: Record<string, string> = {
	'.yaml': 'text/yaml; charset=utf-8',
	'.yml': 'text/yaml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.sh': 'text/plain; charset=utf-8',
	// Pagefind's compressed wasm (wasm.<lang>.pagefind); its pf_* chunks are handled below.
	'.pagefind': 'application/octet-stream',
};

/** The content type the server sends for a path; undefined leaves sirv's choice. */
export function contentType(path: string): string | undefined {
	const ext = extname(path).toLowerCase();
	if (ext.startsWith('.pf_')) return 'application/octet-stream';
	return CONTENT_TYPES[ext];
}

export type Route =
	/** Serve `path` (relative to the site's root, starting with `/`) from the build. */
	| { kind: 'serve'; path: string }
	/** A directory asked for without its trailing slash, or the bare base: send the browser on. */
	| { kind: 'redirect'; location: string }
	| { kind: 'not-found' };

/**
 * Where a request path goes. Paths outside the base and paths that would leave the build
 * (`..`, encoded or not, backslashes, NUL, malformed escapes) are not found.
 */
export function routeRequest(pathname: string, options: { base: string; isDirectory(relative: string): boolean }): Route {
	const base = normaliseBase(options.base);
	// `/kb` and, for convenience, the server root lead to the site.
	if (`${pathname}/` === base || (pathname === '/' && base !== '/')) return { kind: 'redirect', location: base };
	if (!pathname.startsWith(base)) return { kind: 'not-found' };
	let relative: string;
	try {
		relative = decodeURIComponent(pathname.slice(base.length));
	} catch {
		return { kind: 'not-found' };
	}
	if (relative.includes('\0') || relative.includes('\\') || relative.split('/').some((s) => s === '..' || s === '.')) {
		return { kind: 'not-found' };
	}
	if (!pathname.endsWith('/') && relative && options.isDirectory(relative)) return { kind: 'redirect', location: `${pathname}/` };
	return { kind: 'serve', path: `/${pathname.slice(base.length)}` };
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
	const files = sirv(root, {
		// Read the folder on each request: the tests build and serve in one process.
		dev: true,
		// A directory's `index.html` (sirv would also answer `/page` with `page.html`; Astro writes none).
		extensions: ['html'],
		setHeaders(response, path) {
			response.setHeader('cache-control', 'no-cache');
			response.setHeader('x-content-type-options', 'nosniff');
			const type = contentType(path);
			if (type) response.setHeader('content-type', type);
		},
	});
	const isDirectory = (relative: string) => statSync(join(root, relative), { throwIfNoEntry: false })?.isDirectory() ?? false;
	return createServer((request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const url = new URL(request.url ?? '/', 'http://site');
		const route = routeRequest(url.pathname, { base: options.base, isDirectory });
		// A missing address under a locale's folder gets that locale's 404 page (/zh-cn/404.html).
		const localeDir = url.pathname.startsWith(options.base) ? url.pathname.slice(options.base.length).split('/')[0] : undefined;
		const localPage = localeDir && /^[a-z]{2}(-[a-z]+)?$/.test(localeDir) ? join(root, localeDir, '404.html') : undefined;
		const notFoundFile = localPage && existsSync(localPage) ? localPage : notFoundPage;
		const notFound = () => {
			if (!existsSync(notFoundFile)) {
				response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
				return;
			}
			response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
			if (request.method === 'HEAD') response.end();
			else createReadStream(notFoundFile).pipe(response);
		};
		if (route.kind === 'redirect') {
			response.writeHead(301, { location: route.location + url.search }).end();
			return;
		}
		if (route.kind === 'not-found') {
			notFound();
			return;
		}
		request.url = route.path + url.search;
		files(request, response, notFound);
	});
}
