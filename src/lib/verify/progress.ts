/**
 * Progress of the renders: a live line on a terminal, plain log lines elsewhere (CI logs do not
 * understand carriage returns).
 */
export interface Progress {
	start(total: number): void;
	tick(event: { cached: boolean; failed: boolean }): void;
	finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, env = process.env): Progress {
	const live = stream.isTTY && !env.CI;
	let total = 0;
	let done = 0;
	let cached = 0;
	let failed = 0;
	let lastLogged = 0;
	const line = () => `renders ${done}/${total} (${cached} cached, ${failed} failed)`;
	return {
		start(count) {
			total = count;
			if (!live) stream.write(`${line()}\n`);
		},
		tick(event) {
			done++;
			if (event.cached) cached++;
			if (event.failed) failed++;
			if (live) {
				stream.write(`\r${line()}`);
			} else if (done === total || done - lastLogged >= Math.max(25, Math.ceil(total / 10))) {
				lastLogged = done;
				stream.write(`${line()}\n`);
			}
		},
		finish() {
			if (live) stream.write(`\r${line()}\n`);
		},
	};
}
