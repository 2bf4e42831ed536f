import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CasesApi, CaseSummary } from '../../../src/lib/site/api.ts';
import { normaliseBase } from '../../../src/lib/site/base.ts';
import { createStaticServer } from '../../../src/lib/site/static-server.ts';

/**
 * The built site under test, served the way `npm run preview` serves it. `npm test` builds it
 * twice (base `/` and `/kb/`) and passes the directories in CASEBOOK_DIST and CASEBOOK_DIST_KB.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type SiteBuild = 'root' | 'kb';

const BUILDS: Record<SiteBuild, { variable: string; base: string }> = {
	root: { variable: 'CASEBOOK_DIST', base: '/' },
	kb: { variable: 'CASEBOOK_DIST_KB', base: '/kb/' },
};

/** The build directory of one variant; a missing build is a failure with a way out, never a skip. */
export function siteDir(build: SiteBuild): string {
	const { variable, base } = BUILDS[build];
	const dir = process.env[variable];
	if (!dir) {
		throw new Error(
			`${variable} is not set: the browser tests need a built site (base ${base}). Run \`npm test\`, which builds ` +
				`dist/ and dist-kb/ and sets it, or build one yourself (\`CASEBOOK_BASE=${base} npx astro build --outDir <dir>\`) ` +
				`and run \`${variable}=<dir> npx node --test test/e2e/\`.`,
		);
	}
	const absolute = resolve(PROJECT_ROOT, dir);
	if (!existsSync(join(absolute, 'index.html'))) {
		throw new Error(`${variable}=${dir}: ${absolute} holds no index.html, so it is not a built site.`);
	}
	return absolute;
}

export interface ServedSite {
	build: SiteBuild;
	dir: string;
	base: string;
	/** `http://127.0.0.1:<port>`. */
	origin: string;
	/** Absolute URL of a site path that already includes the base (`/kb/tempo/x/`, as the API gives). */
	at(path: string): string;
	/** Absolute URL of a path below the base (`tempo/x/` -> `http://…/kb/tempo/x/`). */
	page(path?: string): string;
	cases: CaseSummary[];
	close(): Promise<void>;
}

export async function serveSite(build: SiteBuild): Promise<ServedSite> {
	return serveBuild(siteDir(build), BUILDS[build].base, build);
}

/** Serves any built site directory, e.g. one a test built itself. */
export async function serveBuild(dir: string, siteBase: string, build: SiteBuild = 'root'): Promise<ServedSite> {
	const base = normaliseBase(siteBase);
	const server = createStaticServer({ root: dir, base });
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', done);
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		build,
		dir,
		base,
		origin,
		at: (path) => new URL(path, origin).href,
		page: (path = '') => new URL(base + path.replace(/^\/+/, ''), origin).href,
		cases: readCasesApi(dir).cases,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}

export function readCasesApi(dir: string): CasesApi {
	const file = join(dir, 'api', 'cases.json');
	if (!existsSync(file)) throw new Error(`${file} is missing: the build has no case API.`);
	return JSON.parse(readFileSync(file, 'utf8')) as CasesApi;
}

/** Every HTML file of the build as a site path below the base: `index.html` -> ``, `a/index.html` -> `a/`. */
export function htmlPages(dir: string): string[] {
	const pages: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) pages.push(relative(dir, path).split(sep).join('/'));
		}
	};
	walk(dir);
	return pages.map((file) => (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1'))).sort();
}
