import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { CasebookError } from '../errors.ts';
import { configSchema, type ResolvedConfig } from './schema.ts';

export const CONFIG_FILE = 'casebook.config.json';

/** Environment variables and the config keys they override. */
const ENV_OVERRIDES = {
	CASEBOOK_CHARTS: 'charts',
	CASEBOOK_CACHE: 'cacheDir',
	CASEBOOK_REPORT: 'report',
	CASEBOOK_KUBE_VERSION: 'kubeVersion',
} as const;

export function loadConfig(root: string, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
	const file = join(root, CONFIG_FILE);
	let raw: Record<string, unknown> = {};
	if (existsSync(file)) {
		try {
			raw = JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			throw new CasebookError(`cannot parse ${CONFIG_FILE}: ${(error as Error).message}`, { file: CONFIG_FILE });
		}
	}
	for (const [variable, key] of Object.entries(ENV_OVERRIDES)) {
		if (env[variable]) raw[key] = env[variable];
	}
	if (env.CASEBOOK_HELM) raw.helm = env.CASEBOOK_HELM.split(',').map((major) => major.trim());
	if (env.CASEBOOK_CONCURRENCY) raw.concurrency = Number(env.CASEBOOK_CONCURRENCY);
	if (env.CASEBOOK_OFFLINE === '1' || env.CASEBOOK_OFFLINE === 'true') raw.allowNetwork = false;
	const parsed = configSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new CasebookError(`invalid configuration at "${issue.path.join('.')}": ${issue.message}`, {
			file: existsSync(file) ? CONFIG_FILE : 'environment',
		});
	}
	const absolute = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
	return {
		...parsed.data,
		root,
		charts: absolute(parsed.data.charts),
		cacheDir: absolute(parsed.data.cacheDir ?? defaultCacheDir(env)),
		content: absolute(parsed.data.content),
		report: absolute(parsed.data.report),
		concurrency: parsed.data.concurrency ?? Math.max(1, availableParallelism()),
		helmBin: env.HELM_BIN || undefined,
	};
}

/** `$XDG_CACHE_HOME/helm-casebook`, else `~/.cache/helm-casebook`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
	return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'helm-casebook');
}
