import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { CasebookError } from '../errors.ts';
import { schemaError } from '../schema-error.ts';
import { normaliseBase } from '../site/base.ts';
import { configSchema, type ResolvedConfig } from './schema.ts';

export const CONFIG_FILE = 'casebook.config.json';

/** Environment variables and the config keys they override. */
const ENV_OVERRIDES = {
	CASEBOOK_CHARTS: 'charts',
	CASEBOOK_CONTENT: 'content',
	CASEBOOK_CACHE: 'cacheDir',
	CASEBOOK_REPORT: 'report',
	CASEBOOK_KUBE_VERSION: 'kubeVersion',
	CASEBOOK_BASE: 'base',
	CASEBOOK_SITE: 'site',
	CASEBOOK_BROWSER: 'browser',
} as const;

const TRUE = new Set(['1', 'true']);

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
	if (TRUE.has(env.CASEBOOK_OFFLINE ?? '')) raw.allowNetwork = false;
	if (TRUE.has(env.CASEBOOK_ALLOW_STALE_REPORT ?? '')) raw.allowStaleReport = true;
	const parsed = configSchema.safeParse(raw);
	if (!parsed.success) {
		const fromEnvironment = Object.entries(ENV_OVERRIDES).find(([variable, key]) => env[variable] && key === parsed.error.issues[0]?.path[0]);
		throw schemaError(parsed.error, {
			what: 'configuration',
			data: raw,
			locate: () => ({ file: fromEnvironment ? `environment variable ${fromEnvironment[0]}` : existsSync(file) ? CONFIG_FILE : 'environment' }),
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
		base: normaliseBase(parsed.data.base),
		helmBin: env.HELM_BIN || undefined,
	};
}

/** `$XDG_CACHE_HOME/helm-casebook`, else `~/.cache/helm-casebook`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
	return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'helm-casebook');
}
