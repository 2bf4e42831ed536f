import semver from 'semver';

/** How a list of chart versions reads, in a message, a badge or a citation. */

/** Distinct versions, oldest first. */
export function sortVersions(versions: Iterable<string>): string[] {
	return [...new Set(versions)].sort((a, b) =>
		semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b),
	);
}

/**
 * A short list stays a list (`1.13.0, 1.13.1`); a long one becomes its span and count
 * (`1.13.0 – 1.20.3 (12 versions)`), which is all a badge or a citation has room for.
 */
export function summariseVersions(versions: readonly string[], max = 4): string {
	const sorted = sortVersions(versions);
	if (sorted.length <= max) return sorted.join(', ');
	return `${sorted[0]} – ${sorted.at(-1)} (${sorted.length} versions)`;
}
