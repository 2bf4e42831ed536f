import { access, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.ts';
import { memoAsync } from '../fs/memo.ts';
import { CasebookError } from '../errors.ts';
import { helmPull } from '../helm/pull.ts';
import type { HelmBinary, ResolvedChart } from '../render/types.ts';
import { availableVersions, versionsOfNamedChart } from './available-versions.ts';
import { fileSha256 } from './file-digest.ts';
import { findIndexEntry, readIndexFile, type ChartIndexEntry } from './index-file.ts';
import {
	cachedArchivePath,
	cachedIndexPath,
	cacheFolder,
	mirrorArchivePath,
	mirrorIndexPath,
} from './locations.ts';
import { findRepository, type ChartRepository } from './repositories.ts';
import { describeAvailable, describeNearest } from './resolve-versions.ts';

// The verifier resolves ranges and obtains archives from one place.
export { availableVersions, versionsOfNamedChart };

export interface ObtainChartOptions {
	mirrorRoot: string;
	cacheDir: string;
	/** Mirror folder name, e.g. `grafana`. */
	repository: string;
	chart: string;
	version: string;
	/** May the chart be downloaded from its official repository when neither mirror nor cache has it? */
	allowNetwork: boolean;
	/** Runs `helm pull` for downloads; required only when a download happens. */
	helm?: HelmBinary;
}

const INDEX_DOWNLOAD_TIMEOUT_MS = 120_000;

async function exists(path: string): Promise<boolean> {
	try {
		await access(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * A chart archive whose sha256 matches its repository index: from the mirror, else from the
 * download cache (checked against the official index cached beside it), else downloaded from the
 * official repository when allowed. An archive that fails its check is an error, never skipped:
 * it means the mirror or the cache was altered.
 */
export async function obtainChart(given: ObtainChartOptions): Promise<ResolvedChart> {
	// Absolute paths: helm runs in a directory of its own.
	const options = { ...given, mirrorRoot: resolve(given.mirrorRoot), cacheDir: resolve(given.cacheDir) };
	const { mirrorRoot, cacheDir, chart, version } = options;
	const repository = await findRepository(mirrorRoot, options.repository);
	const resolved = (archivePath: string, digest: string, origin: ResolvedChart['origin']): ResolvedChart => ({
		repository: repository.name,
		repositoryUrl: repository.url,
		name: chart,
		version,
		digest,
		archivePath,
		origin,
	});

	const mirrorArchive = mirrorArchivePath(mirrorRoot, repository.name, chart, version);
	if (await exists(mirrorArchive)) {
		const indexPath = mirrorIndexPath(mirrorRoot, repository.name);
		const entry = findIndexEntry(await readIndexFile(indexPath), chart, version);
		if (!entry) throw new CasebookError(`chart archive is not listed in ${indexPath}`, { file: mirrorArchive });
		return resolved(mirrorArchive, await verifyDigest(mirrorArchive, entry, indexPath), 'mirror');
	}

	const cachedArchive = cachedArchivePath(cacheDir, repository.name, chart, version);
	const indexPath = cachedIndexPath(cacheDir, repository.name);
	if (await exists(cachedArchive)) {
		const entry = (await exists(indexPath)) ? findIndexEntry(await readIndexFile(indexPath), chart, version) : undefined;
		if (entry) return resolved(cachedArchive, await verifyDigest(cachedArchive, entry, indexPath), 'cache');
		if (!options.allowNetwork) {
			throw new CasebookError(`cached chart archive cannot be verified: ${indexPath} is missing or does not list it`, {
				file: cachedArchive,
			});
		}
	}

	const availableHere = async () => {
		const available = await availableVersions(mirrorRoot, repository.name, chart, cacheDir);
		return available.length
			? `available: ${describeAvailable(available)}; nearest: ${describeNearest(available, version)}`
			: `the mirror has no chart "${chart}" in ${repository.name}`;
	};

	if (options.allowNetwork) {
		const { archivePath, digest } = await download(repository, options, availableHere);
		return resolved(archivePath, digest, 'cache');
	}

	throw new CasebookError(
		`${repository.name}/${chart} ${version} is neither in the mirror nor in the download cache, and network access is off`,
		{ expected: await availableHere(), found: version },
	);
}

async function verifyDigest(archivePath: string, entry: ChartIndexEntry, indexPath: string): Promise<string> {
	const found = await fileSha256(archivePath);
	if (found !== entry.digest) {
		throw new CasebookError(
			`archive digest does not match index ${indexPath}: expected ${entry.digest} found ${found}`,
			{ file: archivePath },
		);
	}
	return found;
}

/** Refreshes the cached official index, pulls the archive next to it and keeps it only if it verifies. */
async function download(
	repository: ChartRepository,
	options: ObtainChartOptions,
	availableHere: () => Promise<string>,
): Promise<{ archivePath: string; digest: string }> {
	const { cacheDir, chart, version } = options;
	const label = `${repository.name}/${chart} ${version}`;
	if (!options.helm) throw new CasebookError(`cannot download ${label}: no helm binary was given for helm pull`);

	const folder = cacheFolder(cacheDir, repository.name);
	await mkdir(folder, { recursive: true });
	const indexPath = cachedIndexPath(cacheDir, repository.name);
	try {
		await downloadIndexOnce({ url: `${repository.url}/index.yaml`, destination: indexPath });
	} catch (error) {
		if (!(error instanceof CasebookError)) throw error;
		// Offline, the likelier mistake is a version that does not exist: say which ones do.
		throw new CasebookError(`${label} is not in the mirror, and ${error.message}`, {
			expected: await availableHere(),
			found: version,
		});
	}
	const index = await readIndexFile(indexPath);
	const entry = findIndexEntry(index, chart, version);
	if (!entry) {
		const official = (index.get(chart) ?? []).map((candidate) => candidate.version);
		throw new CasebookError(`${label} is not in the official index ${repository.url}/index.yaml`, {
			expected: official.length
				? `available: ${describeAvailable(official)}; nearest: ${describeNearest(official, version)}`
				: `a chart the repository publishes (it has no "${chart}")`,
			found: version,
		});
	}

	// Pull into a private folder beside the cache, so only a verified archive ever gets its final name.
	const staging = await mkdtemp(join(folder, '.pull-'));
	try {
		const pulled = await helmPull(options.helm, {
			chart,
			repositoryUrl: repository.url,
			version,
			destination: staging,
		});
		const digest = await verifyDigest(pulled, entry, indexPath);
		const archivePath = cachedArchivePath(cacheDir, repository.name, chart, version);
		await rename(pulled, archivePath);
		return { archivePath, digest };
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

/** One download per index per process, however many of its charts are missing. */
const downloadIndexOnce = memoAsync(
	({ url, destination }: { url: string; destination: string }) => downloadIndex(url, destination),
	({ url, destination }) => `${url}\0${destination}`,
);

async function downloadIndex(url: string, destination: string): Promise<void> {
	let body: string;
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(INDEX_DOWNLOAD_TIMEOUT_MS) });
		if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
		body = await response.text();
	} catch (error) {
		throw new CasebookError(`cannot download ${url}: ${(error as Error).message}`);
	}
	await writeFileAtomic(destination, body);
}
