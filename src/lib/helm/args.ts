import type { RenderRequest } from '../render/types.ts';

/**
 * Command lines for `helm template`: the one the verifier runs against a local archive, and the
 * one a reader with internet access can paste to get the same render from the official repository.
 */

/**
 * helm splits `--set` values on commas and treats backslashes as escapes; a `set` entry is one
 * key with one value, so both are escaped.
 */
function escapeSetValue(value: string): string {
	return value.replace(/[\\,]/g, (character) => `\\${character}`);
}

/** `['--set-string', 'k=v']` for strings (so "true" stays a string), `['--set', 'k=3']` otherwise. */
export function setArgs(set: RenderRequest['set']): string[] {
	return Object.entries(set).flatMap(([key, value]) =>
		typeof value === 'string'
			? ['--set-string', `${key}=${escapeSetValue(value)}`]
			: ['--set', `${key}=${String(value)}`],
	);
}

/** What a command line is made of: a render request but the helm binary that runs it and its time limit. */
type RenderCommand = Omit<RenderRequest, 'helm' | 'timeoutMs'>;

function renderOptionArgs(req: RenderCommand, valuesPaths: string[]): string[] {
	return [
		'--namespace',
		req.namespace,
		...(req.kubeVersion !== undefined ? ['--kube-version', req.kubeVersion] : []),
		...valuesPaths.flatMap((path) => ['-f', path]),
		...setArgs(req.set),
		...req.showOnly.flatMap((template) => ['--show-only', template]),
	];
}

/** Arguments of `helm template` for the request's local archive; `valuesPaths` in the order to apply. */
export function templateArgs(req: RenderCommand, valuesPaths: string[]): string[] {
	return ['template', req.release, req.chart.archivePath, ...renderOptionArgs(req, valuesPaths)];
}

/** Characters that never need quoting in a POSIX shell word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word that a POSIX shell reads back as exactly `arg`. */
export function shellQuote(arg: string): string {
	if (SAFE_WORD.test(arg)) return arg;
	return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface ReproduceCommand {
	/** Commands to run once: add and refresh the official repository. */
	setup: string[];
	/** The `helm template` line, values files referred to by their names. */
	command: string;
}

/**
 * The same render from the official repository, for a reader who saved the values files under
 * their names in the current directory.
 */
export function reproduceCommand(req: RenderCommand, options: { repoAlias?: string } = {}): ReproduceCommand {
	const alias = options.repoAlias ?? req.chart.repository;
	const words = (args: string[]) => args.map(shellQuote).join(' ');
	return {
		setup: [
			words(['helm', 'repo', 'add', alias, req.chart.repositoryUrl]),
			words(['helm', 'repo', 'update', alias]),
		],
		command: words([
			'helm',
			'template',
			req.release,
			`${alias}/${req.chart.name}`,
			'--version',
			req.chart.version,
			...renderOptionArgs(
				req,
				req.valuesFiles.map((file) => file.name),
			),
		]),
	};
}
