import { join } from 'node:path';

/** Where chart archives and indexes live: the read-only mirror, and the download cache. */

export function mirrorFolder(mirrorRoot: string, repository: string): string {
	return join(mirrorRoot, repository);
}

export function mirrorIndexPath(mirrorRoot: string, repository: string): string {
	return join(mirrorFolder(mirrorRoot, repository), 'index.yaml');
}

export function archiveFileName(chart: string, version: string): string {
	return `${chart}-${version}.tgz`;
}

export function mirrorArchivePath(mirrorRoot: string, repository: string, chart: string, version: string): string {
	return join(mirrorFolder(mirrorRoot, repository), archiveFileName(chart, version));
}

export function cacheFolder(cacheDir: string, repository: string): string {
	return join(cacheDir, 'charts', repository);
}

/** The official repository's index.yaml as last downloaded. */
export function cachedIndexPath(cacheDir: string, repository: string): string {
	return join(cacheFolder(cacheDir, repository), 'index.yaml');
}

export function cachedArchivePath(cacheDir: string, repository: string, chart: string, version: string): string {
	return join(cacheFolder(cacheDir, repository), archiveFileName(chart, version));
}
