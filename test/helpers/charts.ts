import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { createTar, type TarFile } from './archives.ts';

/** Builds chart archives and a small mirror from the demo chart in test/fixtures/charts/demo. */

export const demoChartDir = join(import.meta.dirname, '../fixtures/charts/demo');

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/** `helm package` in miniature: a gzipped tar of `<name>/...` with the Chart.yaml version set. */
export async function packageDemoChart(version: string): Promise<Uint8Array> {
	const files: TarFile[] = [];
	for (const path of await filesUnder(demoChartDir)) {
		let data = await readFile(path, 'utf8');
		const name = relative(demoChartDir, path);
		if (name === 'Chart.yaml') data = data.replace(/^version: .*$/m, `version: ${version}`);
		files.push({ name: `demo/${name}`, data });
	}
	return gzipSync(createTar(files));
}

export function sha256(data: Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

export interface FixtureMirror {
	root: string;
	digests: Record<string, string>;
}

/**
 * A mirror root with one repository, `fixture`, holding the demo chart at `versions`.
 * `wrongDigest` lists versions whose index entry gets a digest that does not match.
 */
export async function createFixtureMirror(
	root: string,
	versions: string[],
	options: { wrongDigest?: string[]; url?: string } = {},
): Promise<FixtureMirror> {
	const folder = join(root, 'fixture');
	await mkdir(folder, { recursive: true });
	await writeFile(
		join(root, 'repositories.yaml'),
		stringify({ repositories: [{ name: 'fixture', url: options.url ?? 'https://charts.example.invalid/fixture' }] }),
	);
	const digests: Record<string, string> = {};
	const entries = [];
	for (const version of versions) {
		const archive = await packageDemoChart(version);
		await writeFile(join(folder, `demo-${version}.tgz`), archive);
		digests[version] = sha256(archive);
		entries.push({
			apiVersion: 'v2',
			name: 'demo',
			version,
			digest: options.wrongDigest?.includes(version) ? '0'.repeat(64) : digests[version],
			urls: [`demo-${version}.tgz`],
		});
	}
	await writeFile(join(folder, 'index.yaml'), stringify({ apiVersion: 'v1', entries: { demo: entries } }));
	return { root, digests };
}
