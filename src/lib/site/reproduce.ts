import type { CheckReport } from '../report/schema.ts';

/**
 * The reproduce commands of a check as a reader pastes them. A check over two versions shows
 * both `helm template` lines; one over forty versions would drown the panel, so when the lines
 * differ only in `--version` they fold into one shell loop that runs exactly the same commands.
 */

type Reproduce = CheckReport['reproduce'];

export interface ReproduceScript {
	/** The script to show: setup lines, then the render line(s). */
	script: string;
	/** True when the render lines were folded into one loop over the versions. */
	folded: boolean;
}

const MAX_LINES = 3;

function versionWord(command: string, version: string): RegExp {
	// RegExp.escape runs on Node 24 but TypeScript 5.9's libraries do not declare it yet.
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`( --version )(?:'${escaped}'|${escaped})(?= |$)`);
}

/** The shared template of all commands with `$v` for the version, or undefined if they differ otherwise. */
export function commandTemplate(commands: Reproduce['commands']): string | undefined {
	let template: string | undefined;
	for (const { version, command } of commands) {
		const pattern = versionWord(command, version);
		if (!pattern.test(command)) return undefined;
		const candidate = command.replace(pattern, '$1"$v"');
		if (template === undefined) template = candidate;
		else if (candidate !== template) return undefined;
	}
	return template;
}

function shellWord(word: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function reproduceScript(reproduce: Reproduce): ReproduceScript {
	const lines = reproduce.commands.map((c) => c.command);
	const template = lines.length > MAX_LINES ? commandTemplate(reproduce.commands) : undefined;
	if (template === undefined) return { script: [...reproduce.setup, ...lines].join('\n'), folded: false };
	const versions = reproduce.commands.map((c) => shellWord(c.version)).join(' ');
	const loop = `for v in ${versions}; do\n  ${template}\ndone`;
	return { script: [...reproduce.setup, loop].join('\n'), folded: true };
}
