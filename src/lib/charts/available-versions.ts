import { access } from 'node:fs/promises';
import semver from 'semver';
import { CasebookError } from '../errors.ts';
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

/** The mirror's index of the repository, and the official one when a download left it in the cache. */
async function indexPaths(mirrorRoot: string, repository: string, cacheDir?: string): Promise<string[]> {
	const paths = [mirrorIndexPath(mirrorRoot, repository)];
	if (cacheDir !== undefined && (await exists(cachedIndexPath(cacheDir, repository)))) paths.push(cachedIndexPath(cacheDir, repository));
	return paths;
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
	const versions = new Set<string>();
	for (const path of await indexPaths(mirrorRoot, repository, cacheDir)) {
		for (const entry of (await readIndexFile(path)).get(chart) ?? []) versions.add(entry.version);
	}
	return [...versions].filter((version) => semver.valid(version) !== null).sort(semver.compare);
}

/** Names of the charts a repository's indexes list (mirror, and the official one if cached), sorted. */
export async function chartNames(mirrorRoot: string, repository: string, cacheDir?: string): Promise<string[]> {
	await findRepository(mirrorRoot, repository);
	const names = new Set<string>();
	for (const path of await indexPaths(mirrorRoot, repository, cacheDir)) {
		for (const name of (await readIndexFile(path)).keys()) names.add(name);
	}
	return [...names].sort();
}

/**
 * availableVersions of a chart an article names: an unknown repository is an error naming the
 * known ones (findRepository), a chart its repository does not list one naming that repository's charts.
 */
export async function versionsOfNamedChart(
	mirrorRoot: string,
	repository: string,
	chart: string,
	cacheDir?: string,
): Promise<string[]> {
	const versions = await availableVersions(mirrorRoot, repository, chart, cacheDir);
	if (versions.length) return versions;
	const charts = await chartNames(mirrorRoot, repository, cacheDir);
	if (charts.includes(chart)) {
		throw new CasebookError(`chart "${chart}" of repository "${repository}" has no semver versions in its index`);
	}
	throw new CasebookError(`chart repository "${repository}" has no chart "${chart}"`, {
		expected: charts.length ? `one of ${charts.join(', ')}` : `a chart of "${repository}" (its index lists none)`,
		found: chart,
	});
}
