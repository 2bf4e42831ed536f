import { access } from 'node:fs/promises';
import semver from 'semver';
import { readIndexFile } from './index-file.ts';
import { cachedIndexPath, mirrorIndexPath } from './locations.ts';
import { findRepository } from './repositories.ts';

async function exists(path: string): Promise<boolean> {
	try {
		await access(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * Every version of `chart` that obtainChart can deliver without guessing: those in the mirror's
 * index, plus those in the official index downloaded into the cache, if any. Ascending by semver;
 * empty when neither index lists the chart.
 */
export async function availableVersions(
	mirrorRoot: string,
	repository: string,
	chart: string,
	cacheDir?: string,
): Promise<string[]> {
	await findRepository(mirrorRoot, repository);
	const indexPaths = [mirrorIndexPath(mirrorRoot, repository)];
	if (cacheDir !== undefined && (await exists(cachedIndexPath(cacheDir, repository)))) {
		indexPaths.push(cachedIndexPath(cacheDir, repository));
	}
	const versions = new Set<string>();
	for (const path of indexPaths) {
		for (const entry of (await readIndexFile(path)).get(chart) ?? []) versions.add(entry.version);
	}
	return [...versions].filter((version) => semver.valid(version) !== null).sort(semver.compare);
}
