import { sortVersions } from '../charts/version-list.ts';

/**
 * Versions as runs of consecutive releases among those rendered: `6.0.0 – 6.3.4, 6.7.0`. A run
 * is broken by a rendered version that is not in the list, so a range never claims a release
 * that was rendered clean.
 */
export function versionRanges(versions: Iterable<string>, rendered: Iterable<string>): string {
	const wanted = new Set(versions);
	const runs: string[][] = [];
	let run: string[] = [];
	for (const version of sortVersions([...rendered, ...wanted])) {
		if (wanted.has(version)) run.push(version);
		else if (run.length) {
			runs.push(run);
			run = [];
		}
	}
	if (run.length) runs.push(run);
	return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]} – ${r.at(-1)}`)).join(', ');
}
