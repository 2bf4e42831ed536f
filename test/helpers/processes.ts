import { readFile } from 'node:fs/promises';

/**
 * True when the process has ended: no such pid, or a zombie waiting for a parent to reap it (an
 * orphan's new parent may be slow to, or never, do that; a zombie runs nothing). Waits up to
 * `withinMs` for a kill to take effect.
 */
export async function isGone(pid: number, withinMs = 2000): Promise<boolean> {
	const deadline = performance.now() + withinMs;
	for (;;) {
		if (await ended(pid)) return true;
		if (performance.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function ended(pid: number): Promise<boolean> {
	try {
		process.kill(pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
		throw error;
	}
	try {
		// Field 3 of /proc/<pid>/stat is the state; `Z` is a zombie, `X` dead.
		const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
		return /^\d+ \(.*\) [ZX]/.test(stat);
	} catch {
		return true;
	}
}
