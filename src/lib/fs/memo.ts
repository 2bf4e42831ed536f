/**
 * Remembers the promise of an async computation per key, so concurrent callers share one run
 * (one index download, one digest of an archive). A failed run is forgotten, so the next caller
 * tries again instead of inheriting the failure. `keyOf` names the key when the argument is not
 * one itself.
 */
export function memoAsync<A, V>(compute: (argument: A) => Promise<V>, keyOf: (argument: A) => unknown = (a) => a): (argument: A) => Promise<V> {
	const runs = new Map<unknown, Promise<V>>();
	return (argument) => {
		const key = keyOf(argument);
		let run = runs.get(key);
		if (!run) {
			run = compute(argument);
			runs.set(key, run);
			run.catch(() => runs.delete(key));
		}
		return run;
	};
}
