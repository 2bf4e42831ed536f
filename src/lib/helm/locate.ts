import { access, constants, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { fileSha256 } from '../charts/file-digest.ts';
import { CasebookError, isCasebookError } from '../errors.ts';
import type { HelmBinary } from '../render/types.ts';
import { helmDistributions, type HelmMajor } from './distributions.ts';
import { ensureHelm } from './install.ts';
import { helmVersion, majorOfVersion } from './version.ts';

export interface ResolveHelmsOptions {
	/** The HELM_BIN environment variable: a path, or a command name looked up on PATH. */
	helmBin?: string;
	majors: HelmMajor[];
	cacheDir: string;
}

/**
 * The helm binaries to render with: the pinned builds of the requested majors, or, when HELM_BIN
 * is set, that one binary alone (major `custom`; its real major is in `version`, see majorOfVersion).
 */
export async function resolveHelms(options: ResolveHelmsOptions): Promise<HelmBinary[]> {
	if (options.helmBin !== undefined && options.helmBin !== '') return [await customHelm(options.helmBin)];
	const majors = [...new Set(options.majors)];
	return Promise.all(majors.map((major) => ensureHelm(helmDistributions[major], options.cacheDir)));
}

async function customHelm(helmBin: string): Promise<HelmBinary> {
	const path = await findExecutable(helmBin);
	let version: string;
	try {
		version = await helmVersion(path);
	} catch (error) {
		const found = isCasebookError(error) ? (error.found ?? error.message) : (error as Error).message;
		throw new CasebookError(`HELM_BIN=${helmBin}: \`helm version --short\` failed`, { found });
	}
	if (majorOfVersion(version) === undefined) {
		throw new CasebookError(`HELM_BIN=${helmBin} does not look like helm`, {
			expected: '`helm version --short` to print a version such as v3.17.3+ge4da497',
			found: version || '(nothing)',
		});
	}
	return { major: 'custom', path, version, sha256: await fileSha256(path), source: 'HELM_BIN' };
}

async function findExecutable(helmBin: string): Promise<string> {
	const candidates = helmBin.includes('/')
		? [isAbsolute(helmBin) ? helmBin : resolve(helmBin)]
		: (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, helmBin));
	for (const candidate of candidates) {
		if (await isExecutableFile(candidate)) return candidate;
	}
	const where = helmBin.includes('/') ? candidates[0] : `any directory on PATH`;
	throw new CasebookError(`HELM_BIN=${helmBin}: no executable file at ${where}`, {
		expected: 'the path of a helm executable, or unset HELM_BIN to use the pinned helm builds',
	});
}

async function isExecutableFile(path: string): Promise<boolean> {
	try {
		if (!(await stat(path)).isFile()) return false;
		await access(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}
