import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCheckCli } from '../../src/lib/check/cli.ts';
import type { CheckResult } from '../../src/lib/check/result.ts';
import { projectRoot } from '../helpers/project.ts';

/**
 * `npm run check` on real renders of the real mirrored charts with the pinned helms (no mocks):
 * every bullet of issue 8's Tests section, each bad input with its exit code and message, and the
 * process exit codes of the npm script itself. Renders share the user's render cache.
 */

let dir: string;
const file = (name: string) => join(dir, name);

const VALUES: Record<string, string> = {
	'gossipring-key.yaml': 'gossipRing:\n  service:\n    annotations:\n      example.com/owner: tracing-team\n',
	'loki-style-key.yaml': '# the Loki chart\'s key\nmemberlist:\n  service:\n    annotations:\n      example.com/owner: tracing-team\n',
	'right-key.yaml': 'tempo:\n  memberlist:\n    service:\n      annotations:\n        example.com/owner: tracing-team\n',
	'prometheus-deployment.yaml': 'server:\n  replicaCount: 2\n',
	'prometheus-statefulset.yaml': 'server:\n  replicaCount: 2\n  statefulSet:\n    enabled: true\n',
	'loki-distributed.yaml': [
		'deploymentMode: Distributed',
		'backend: { replicas: 0 }',
		'read: { replicas: 0 }',
		'write: { replicas: 0 }',
		'ruler: { replicas: 1 }',
		'sidecar: { rules: { enabled: true } }',
		'loki:',
		'  useTestSchema: true',
		'  storage: { bucketNames: { chunks: chunks, ruler: ruler } }',
		'',
	].join('\n'),
	'loki-ruler-sidecar.yaml': 'ruler:\n  sidecar: true\nloki:\n  rulerConfig:\n    storage:\n      type: local\n      local: { directory: /rules }\n',
	'not-yaml.yaml': 'server:\n  replicaCount: 2\n  name: "unclosed\nother: 1\n',
	'a-list.yaml': '- one\n- two\n',
};

before(async () => {
	dir = await mkdtemp(join(tmpdir(), 'casebook-check-'));
	for (const [name, text] of Object.entries(VALUES)) await writeFile(file(name), text);
});
after(() => rm(dir, { recursive: true, force: true }));

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** The command in this process, its console captured. */
async function check(...args: string[]): Promise<Run> {
	const out: string[] = [];
	const err: string[] = [];
	const { log, error } = console;
	console.log = (...parts: unknown[]) => void out.push(parts.join(' '));
	console.error = (...parts: unknown[]) => void err.push(parts.join(' '));
	try {
		const code = await runCheckCli(['--offline', ...args], projectRoot, dir);
		return { code, stdout: out.join('\n'), stderr: err.join('\n') };
	} finally {
		console.log = log;
		console.error = error;
	}
}

async function json(...args: string[]): Promise<{ code: number; result: CheckResult }> {
	const run = await check('--json', ...args);
	assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
	return { code: run.code, result: JSON.parse(run.stdout) as CheckResult };
}

const applying = (result: CheckResult) => result.applies.map((c) => c.id);
const TEMPO = ['--chart', 'grafana/tempo-distributed'];

describe('npm run check: the ingester case', () => {
	for (const version of ['1.13.0', '1.13.1']) {
		it(`default values on ${version} match, with the rule and the document as evidence`, async () => {
			const { code, result } = await json(...TEMPO, '--version', version);
			assert.equal(code, 1);
			const ingester = result.applies.find((c) => c.id === 'tempo-ingester-statefulset-missing');
			assert.ok(ingester, `applies: ${applying(result)}`);
			assert.equal(ingester.rules[0]!.id, 'ingester-service-without-statefulset');
			assert.equal(ingester.rules[0]!.helm.length, 2, 'matched under both helm majors');
			assert.match(JSON.stringify(ingester.rules[0]!.evidence), /Service\/t-tempo-ingester/);
			assert.match(ingester.action!, /Upgrade to 1\.13\.2/);
			assert.equal(ingester.permalink, '/cases/tempo-ingester-statefulset-missing/');
		});
	}
	for (const version of ['1.12.0', '1.13.2']) {
		it(`default values on ${version} do not match`, async () => {
			const { result } = await json(...TEMPO, '--version', version);
			assert.ok(!applying(result).includes('tempo-ingester-statefulset-missing'));
		});
	}
});

describe('npm run check: the gossip-ring case', () => {
	it('gossipRing.service.annotations matches, pointing at the values file and line', async () => {
		const { result } = await json(...TEMPO, '--version', '1.40.0', '-f', 'gossipring-key.yaml');
		const gossip = result.applies.find((c) => c.id === 'tempo-gossip-ring-annotations');
		assert.ok(gossip);
		assert.equal(gossip.rules[0]!.id, 'gossipring-key');
		assert.deepEqual(
			{ file: gossip.rules[0]!.evidence[0]!.file, line: gossip.rules[0]!.evidence[0]!.line },
			{ file: 'gossipring-key.yaml', line: 3 },
		);
	});

	it("the Loki chart's memberlist.service.annotations matches", async () => {
		const { result } = await json(...TEMPO, '--version', '1.40.0', '-f', 'loki-style-key.yaml');
		const gossip = result.applies.find((c) => c.id === 'tempo-gossip-ring-annotations');
		assert.deepEqual(gossip?.rules.map((r) => r.id), ['loki-style-key']);
		assert.equal(gossip.rules[0]!.evidence[0]!.line, 4);
	});

	it('--set of a wrong key matches too', async () => {
		const { result } = await json(...TEMPO, '--version', '1.40.0', '--set', 'gossipRing.service.annotations.a=b');
		assert.ok(applying(result).includes('tempo-gossip-ring-annotations'));
	});

	it('the right key on 1.21.1 and later does not match; before 1.21.1 it does', async () => {
		for (const version of ['1.21.1', '1.40.0']) {
			const { result } = await json(...TEMPO, '--version', version, '-f', 'right-key.yaml');
			assert.ok(!applying(result).includes('tempo-gossip-ring-annotations'), version);
		}
		const { result } = await json(...TEMPO, '--version', '1.21.0', '-f', 'right-key.yaml');
		assert.ok(applying(result).includes('tempo-gossip-ring-annotations'));
	});
});

describe('npm run check: the prometheus case', () => {
	const PROMETHEUS = ['--chart', 'prometheus-community/prometheus'];
	it('server.replicaCount: 2 matches (a Deployment sharing one PVC)', async () => {
		const { code, result } = await json(...PROMETHEUS, '--version', '25.0.0', '-f', 'prometheus-deployment.yaml');
		assert.equal(code, 1);
		assert.deepEqual(result.applies.find((c) => c.id === 'prometheus-statefulset-ha')?.rules.map((r) => r.id), ['replicas-share-one-pvc']);
		assert.equal(result.namespace, 'monitoring', "the case's namespace by default");
	});

	it('with server.statefulSet.enabled: true it does not', async () => {
		const { code, result } = await json(...PROMETHEUS, '--version', '25.0.0', '-f', 'prometheus-statefulset.yaml');
		assert.equal(code, 0);
		assert.deepEqual(applying(result), []);
	});

	it('StatefulSet mode that fails to render on 22.0.2 is the case, not bad input', async () => {
		const { code, result } = await json(...PROMETHEUS, '--version', '22.0.2', '-f', 'prometheus-statefulset.yaml');
		assert.equal(code, 1);
		assert.deepEqual(result.applies.find((c) => c.id === 'prometheus-statefulset-ha')?.rules.map((r) => r.id), ['statefulset-mode-fails-to-render']);
	});
});

describe('npm run check: the Loki ruler case', () => {
	it('Distributed with sidecar.rules.enabled on 6.29.0 matches', async () => {
		const { result } = await json('--chart', 'grafana/loki', '--version', '6.29.0', '-f', 'loki-distributed.yaml');
		assert.deepEqual(applying(result), ['loki-ruler-sidecar-distributed']);
	});

	it('6.30.0 with ruler.sidecar: true does not', async () => {
		const { code, result } = await json('--chart', 'grafana/loki', '--version', '6.30.0', '-f', 'loki-distributed.yaml', '-f', 'loki-ruler-sidecar.yaml');
		assert.equal(code, 0);
		assert.deepEqual(applying(result), []);
	});
});

describe('npm run check: upgrade mode', () => {
	it('1.20.0 -> 1.21.0 reports the memberlist transition, and exits 1', async () => {
		const { code, result } = await json(...TEMPO, '--version', '1.21.0', '--upgrade-from', '1.20.0');
		assert.equal(code, 1);
		assert.deepEqual(result.upgrade?.transitions.map((c) => c.id), ['tempo-memberlist-cluster-label']);
		assert.ok(!result.upgrade!.stops.includes('tempo-memberlist-cluster-label'));
		assert.equal(result.upgradeFrom?.version, '1.20.0');
		assert.equal(result.renders.renders, 4, 'one render per version and helm major');
	});

	it('1.12.0 -> 1.13.0 reports the ingester case as starting to apply; 1.13.1 -> 1.13.2 as stopping', async () => {
		const starts = await json(...TEMPO, '--version', '1.13.0', '--upgrade-from', '1.12.0');
		assert.deepEqual(starts.result.upgrade?.starts, ['tempo-ingester-statefulset-missing']);
		const stops = await json(...TEMPO, '--version', '1.13.2', '--upgrade-from', '1.13.1');
		assert.deepEqual(stops.result.upgrade?.stops, ['tempo-ingester-statefulset-missing']);
	});
});

describe('npm run check: speed and output formats', () => {
	it('a second run with the same inputs is served from the render cache', async () => {
		await json(...TEMPO, '--version', '1.30.0', '-f', 'right-key.yaml');
		const { result } = await json(...TEMPO, '--version', '1.30.0', '-f', 'right-key.yaml');
		assert.deepEqual(result.renders, { renders: 2, cached: 2 });
		assert.equal(typeof result.durationMs, 'number');
	});

	it('text: per case the title, why, what to do and the permalink, then the time', async () => {
		const run = await check(...TEMPO, '--version', '1.13.0');
		assert.equal(run.code, 1);
		assert.match(run.stdout, /^APPLIES +tempo-ingester-statefulset-missing$/m);
		assert.match(run.stdout, /why: +The render has the ingester Service but no ingester StatefulSet/);
		assert.match(run.stdout, /do: +Upgrade to 1\.13\.2/);
		assert.match(run.stdout, /read: \/cases\/tempo-ingester-statefulset-missing\//);
		assert.match(run.stdout, /2 renders \(\d from cache\) with helm v3\.17\.3 and v4\.1\.4 in \d+\.\d s/);
	});

	it('SARIF: one result per matched rule, located at the values line', async () => {
		const run = await check(...TEMPO, '--version', '1.40.0', '-f', 'gossipring-key.yaml', '--sarif', 'check.sarif');
		assert.equal(run.code, 1);
		const sarif = JSON.parse(await readFile(file('check.sarif'), 'utf8'));
		assert.equal(sarif.version, '2.1.0');
		const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'tempo-gossip-ring-annotations/gossipring-key');
		assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'gossipring-key.yaml' }, region: { startLine: 3 } });
		assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === result.ruleId));
	});
});

describe('npm run check: bad input exits 2 and says what and where', () => {
	const cases: Array<[string, string[], RegExp]> = [
		['no --chart', ['--version', '1.0.0'], /--chart: --chart is required/],
		['a --chart that is not repository/name', ['--chart', 'tempo', '--version', '1.0.0'], /--chart tempo is not <repository>\/<name>/],
		['an unknown repository', ['--chart', 'nosuch/tempo', '--version', '1.0.0'], /nosuch/],
		['an unknown chart', ['--chart', 'grafana/nosuch', '--version', '1.0.0'], /has no chart "nosuch"[\s\S]*tempo-distributed/],
		['no --version', [...TEMPO], /--version is required/],
		['a version that is not semver', [...TEMPO, '--version', '1.13'], /1\.13 is not a chart version/],
		['an unknown version: the nearest ones', [...TEMPO, '--version', '1.13.9'], /nearest: 1\.13\.0, 1\.13\.1, 1\.13\.2 < 1\.13\.9 < 1\.14\.0/],
		['an unknown --upgrade-from version', [...TEMPO, '--version', '1.21.0', '--upgrade-from', '0.9.0'], /< 0\.9\.0 < 1\.0\.0/],
		['a missing values file', [...TEMPO, '--version', '1.13.2', '-f', 'missing.yaml'], /^missing\.yaml: cannot read values file: no such file/m],
		['a values file that is not YAML: file and line', [...TEMPO, '--version', '1.13.2', '-f', 'not-yaml.yaml'], /^not-yaml\.yaml:3:\d+: invalid YAML in the values file/m],
		['a values file that is not a mapping', [...TEMPO, '--version', '1.13.2', '-f', 'a-list.yaml'], /^a-list\.yaml:1: a values file must be a mapping/m],
		['a --set without a value', [...TEMPO, '--version', '1.13.2', '--set', 'server.replicaCount'], /--set server\.replicaCount: expected key=value/],
		['a release name helm would refuse', [...TEMPO, '--version', '1.13.2', '--release', 'My_Release'], /--release My_Release is not a valid name/],
		['an unknown option', [...TEMPO, '--version', '1.13.2', '--values-file', 'x'], /Unknown option '--values-file'/],
		[
			'a render helm refuses: helm\'s stderr',
			['--chart', 'grafana-community/tempo-distributed', '--version', '3.0.0'],
			/helm template failed for grafana-community\/tempo-distributed 3\.0\.0[\s\S]*ingest\.kafka\.address/,
		],
	];
	for (const [name, args, message] of cases) {
		it(name, async () => {
			const run = await check(...args);
			assert.equal(run.code, 2, `exit code; stdout: ${run.stdout}`);
			assert.match(run.stderr, message);
			assert.equal(run.stdout, '', 'nothing on stdout: a pipe to a JSON reader gets nothing half-made');
		});
	}
});

describe('npm run check as a process', () => {
	const npmCheck = (...args: string[]) =>
		spawnSync(process.execPath, ['scripts/check.ts', '--offline', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir } });

	it('exits 0, 1 and 2', () => {
		assert.equal(npmCheck(...TEMPO, '--version', '1.40.0').status, 0);
		assert.equal(npmCheck(...TEMPO, '--version', '1.13.0').status, 1);
		const bad = npmCheck(...TEMPO, '--version', '1.13.2', '-f', 'missing.yaml');
		assert.equal(bad.status, 2);
		assert.match(bad.stderr, /missing\.yaml: cannot read values file/);
	});
});
