import semver from 'semver';
import { CasebookError } from '../errors.ts';

/** Where a version selection comes from, for error messages. */
export interface VersionSelectionContext {
	/** Mirror folder name, e.g. `grafana`; prefixed to the chart in messages when given. */
	repository?: string;
	/** Chart name, e.g. `tempo-distributed`. */
	chart: string;
	file?: string;
	line?: number;
	column?: number;
}

const NEAREST_EACH_SIDE = 3;

function ascending(versions: string[]): string[] {
	return [...new Set(versions.filter((version) => semver.valid(version) !== null))].sort(semver.compare);
}

/** Up to `count` available versions just below and just above `version`, by semver. */
export function nearestVersions(
	available: string[],
	version: string,
	count = NEAREST_EACH_SIDE,
): { below: string[]; above: string[] } {
	const sorted = ascending(available);
	if (semver.valid(version) === null) return { below: sorted.slice(-count), above: [] };
	const firstAbove = sorted.findIndex((candidate) => semver.gt(candidate, version));
	const split = firstAbove === -1 ? sorted.length : firstAbove;
	return {
		below: sorted.slice(Math.max(0, split - count), split).filter((candidate) => candidate !== version),
		above: sorted.slice(split, split + count),
	};
}

/** `1.13.0, 1.13.1 | 1.14.0`: the nearest versions either side of a missing one. */
export function describeNearest(available: string[], version: string): string {
	const { below, above } = nearestVersions(available, version);
	const side = (versions: string[]) => (versions.length ? versions.join(', ') : '(none)');
	return `${side(below)} < ${version} < ${side(above)}`;
}

/** `1.0.0 - 1.61.3 (307 versions)`. */
export function describeAvailable(available: string[]): string {
	const sorted = ascending(available);
	if (sorted.length === 0) return 'no versions';
	if (sorted.length === 1) return `only ${sorted[0]}`;
	return `${sorted[0]} - ${sorted.at(-1)} (${sorted.length} versions)`;
}

/**
 * The versions a selection stands for. A list names exact versions, each of which must be
 * available (returned in the given order, without repeats); a range selects every available
 * version it satisfies, prereleases included, in ascending semver order.
 */
export function resolveVersions(
	available: string[],
	selection: string[] | string,
	context: VersionSelectionContext,
): string[] {
	const where = { file: context.file, line: context.line, column: context.column };
	const chart = context.repository ? `${context.repository}/${context.chart}` : context.chart;
	if (available.length === 0) {
		throw new CasebookError(`${chart} has no versions in the repository index`, where);
	}

	if (typeof selection === 'string') {
		if (semver.validRange(selection, { includePrerelease: true }) === null) {
			throw new CasebookError(`"${selection}" is not a semver range`, {
				...where,
				expected: 'a range such as ">=1.13.0 <1.13.2" or a list of versions',
				found: selection,
			});
		}
		const selected = ascending(available).filter((version) =>
			semver.satisfies(version, selection, { includePrerelease: true }),
		);
		if (selected.length === 0) {
			throw new CasebookError(`no version of ${chart} satisfies "${selection}"`, {
				...where,
				expected: `a range that overlaps the available ${describeAvailable(available)}`,
				found: selection,
			});
		}
		return selected;
	}

	const known = new Set(available);
	const missing = selection.filter((version) => !known.has(version));
	if (missing.length > 0) {
		const nearest = missing.map((version) => describeNearest(available, version)).join('; ');
		const verb = missing.length === 1 ? 'is' : 'are';
		throw new CasebookError(
			`${chart} ${missing.join(', ')} ${verb} not in the repository index; nearest available: ${nearest}`,
			{ ...where, expected: `one of ${describeAvailable(available)}`, found: missing.join(', ') },
		);
	}
	return [...new Set(selection)];
}
