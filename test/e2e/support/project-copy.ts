import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../../src/lib/config/load.ts';
import { formatFailure } from '../../../src/lib/verify/failures.ts';
import { verify } from '../../../src/lib/verify/run.ts';
import { projectRoot, silentProgress } from '../../helpers/project.ts';

/**
 * A site built by a test from its own articles: a copy of the project (src, public, config) whose
 * content is the pages without a case plus the given articles, verified for real against the
 * chart mirror (report in the copy) and built with `astro build`. Keep the articles tiny: every
 * chart version they name is rendered with both helm majors (renders are cached as usual).
 */

const exec = promisify(execFile);

export interface ProjectCopy {
	root: string;
	/** The built site. */
	dist: string;
	dispose(): Promise<void>;
}

/** `articles` maps a path below content/docs to the article's text; `settings` adds environment settings (CASEBOOK_HELM, ...). */
export async function buildProjectCopy(articles: Record<string, string>, settings: Record<string, string> = {}): Promise<ProjectCopy> {
	// Inside the project, not in the system's temp folder: Astro takes an absolute module path that
	// shares no folder but `/` with the project root for a root-relative one (its vite-plugin-utils
	// normalizeFilename), so a copy in the temp folder cannot even find Starlight's components. Here,
	// module resolution also finds the project's node_modules by walking up, with no link to it
	// (a link would let Vite write its cache into the real node_modules).
	await mkdir(join(projectRoot, 'test-output'), { recursive: true });
	const root = await mkdtemp(join(projectRoot, 'test-output', 'site-copy-'));
	const dispose = () => rm(root, { recursive: true, force: true });
	try {
		await copyProject(root, articles);
		const env = {
			CASEBOOK_CHARTS: join(projectRoot, '../shared/charts'),
			CASEBOOK_REPORT: join(root, '.casebook/report.json'),
			CASEBOOK_OFFLINE: '1',
			CASEBOOK_BASE: '/',
			...settings,
		};
		const outcome = await verify({ config: loadConfig(root, { ...process.env, ...env }), progress: silentProgress });
		assert.deepEqual(outcome.failures.map(formatFailure), [], 'the articles of the project copy verify');
		await astroBuild(root, { ...process.env, ...env });
		return { root, dist: join(root, 'dist'), dispose };
	} catch (error) {
		await dispose();
		throw error;
	}
}

async function copyProject(root: string, articles: Record<string, string>): Promise<void> {
	for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
		await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
	}
	const source = join(projectRoot, 'content/docs');
	const content = join(root, 'content/docs');
	for (const file of await readdir(source, { recursive: true })) {
		if (!/\.mdx?$/.test(file)) continue;
		const text = await readFile(join(source, file), 'utf8');
		// Pages without a case only: the project's cases would need a full verification.
		if (/^case:/m.test(text.split(/^---$/m)[1] ?? '')) continue;
		await write(join(content, file), text);
	}
	for (const [path, text] of Object.entries(articles)) await write(join(content, path), text);
}

async function write(path: string, text: string): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, text);
}

async function astroBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	try {
		await exec(process.execPath, [astro, 'build', '--force'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: string; stderr?: string };
		throw new Error(`astro build in ${root} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
	}
}
