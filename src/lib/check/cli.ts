import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { CasebookError, isCasebookError } from '../errors.ts';
import { formatCheckText } from './format-text.ts';
import { exitCodeOf } from './result.ts';
import { checkRelease } from './run.ts';
import { toSarif } from './sarif.ts';

const USAGE = `usage: npm run check -- --chart <repository>/<name> --version <v> [-f values.yaml]... [--set k=v]...
                      [--namespace ns] [--release name] [--upgrade-from <v>] [--json] [--sarif file] [--offline]`;

/**
 * `npm run check`: exit 0 when no known case applies, 1 when at least one does (or an upgrade
 * crosses a transition), 2 on bad input (with where and what). `--json` prints the result
 * (src/lib/check/result.ts) instead of text; `--sarif` also writes SARIF 2.1.0 to a file.
 */
export async function runCheckCli(argv: string[], root: string, cwd: string): Promise<number> {
	try {
		const { values } = parseOptions(argv);
		if (values.help) {
			console.log(USAGE);
			return 0;
		}
		const chart = parseChart(values.chart);
		if (values.version === undefined) throw new CasebookError('--version is required', { file: '--version', expected: 'a chart version, e.g. 1.13.2' });
		const config = loadConfig(root);
		if (values.offline) config.allowNetwork = false;
		const result = await checkRelease({
			config,
			chart,
			version: values.version,
			upgradeFrom: values['upgrade-from'],
			valuesFiles: values.values ?? [],
			set: values.set ?? [],
			release: values.release,
			namespace: values.namespace,
			cwd,
		});
		if (values.sarif) {
			const sarif = toSarif(result, await projectVersion(root));
			await writeFile(resolve(cwd, values.sarif), `${JSON.stringify(sarif, null, 2)}\n`);
		}
		console.log(values.json ? JSON.stringify(result, null, 2) : formatCheckText(result));
		return exitCodeOf(result);
	} catch (error) {
		if (isCasebookError(error)) {
			console.error(error.format());
			console.error(USAGE);
			return 2;
		}
		if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
			console.error(`${error.message}\n${USAGE}`);
			return 2;
		}
		throw error;
	}
}

function parseOptions(argv: string[]) {
	return parseArgs({
		args: argv,
		strict: true,
		options: {
			chart: { type: 'string' },
			version: { type: 'string' },
			values: { type: 'string', short: 'f', multiple: true },
			set: { type: 'string', multiple: true },
			namespace: { type: 'string', short: 'n' },
			release: { type: 'string' },
			'upgrade-from': { type: 'string' },
			json: { type: 'boolean', default: false },
			sarif: { type: 'string' },
			offline: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
}

function parseChart(text: string | undefined): { repository: string; name: string } {
	const match = text === undefined ? null : /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)$/.exec(text);
	if (!match) {
		throw new CasebookError(text === undefined ? '--chart is required' : `--chart ${text} is not <repository>/<name>`, {
			file: '--chart',
			expected: '<repository>/<name>, e.g. grafana/tempo-distributed',
			...(text !== undefined ? { found: text } : {}),
		});
	}
	return { repository: match[1]!, name: match[2]! };
}

async function projectVersion(root: string): Promise<string> {
	const { readFile } = await import('node:fs/promises');
	return (JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
}
