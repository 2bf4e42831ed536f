import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readStoredReport } from '../../src/lib/report/store.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { replaceOnce, scratchProject, silentProgress, validCase } from '../helpers/project.ts';

const disposers: Array<() => Promise<void>> = [];
after(async () => {
	for (const dispose of disposers) await dispose();
});

async function verifyArticles(articles: Record<string, string>, env: NodeJS.ProcessEnv = {}, tweak?: (c: any) => void) {
	const project = await scratchProject(articles, env);
	disposers.push(project.dispose);
	tweak?.(project.config);
	const run = () => verify({ config: project.config, progress: silentProgress, renderCacheDir: project.renderCacheDir });
	return { project, outcome: await run(), run };
}

describe('verify, with the real charts and both helm majors', () => {
	it('passes a true case and reports what the pages need', async () => {
		const { outcome, project } = await verifyArticles(await validCase({}, 'tempo/valid.mdx'));
		assert.deepEqual(outcome.failures.map(formatFailure), []);
		const report = readStoredReport(project.config.report)!;
		assert.equal(report.status, 'passed');
		assert.deepEqual(
			report.helm.map((h: { version: string }) => h.version.split('+')[0]),
			['v3.17.3', 'v4.1.4'],
		);
		const [c] = report.cases;
		assert.equal(c.file, 'content/docs/tempo/valid.mdx');
		assert.deepEqual(c.affected.versions, ['1.13.0', '1.13.1']);
		assert.deepEqual(
			c.matrix.map((m: { version: string; verdict: string }) => `${m.version}:${m.verdict}`),
			['1.12.0:not-affected', '1.13.0:affected', '1.13.1:affected', '1.13.2:fixed'],
		);
		const [check] = c.checks;
		assert.equal(check.runs.length, 2, 'one run per helm major');
		assert.equal(
			check.reproduce.commands[0].command,
			'helm template t grafana/tempo-distributed --version 1.13.0 --namespace tracing --kube-version 1.32.0 -f fix.yaml',
		);
		assert.match(check.versions[0].digest, /^[0-9a-f]{64}$/);
		assert.equal(check.excerpts[0].document, 'Service/t-tempo-ingester');
		assert.match(check.excerpts[0].yaml, /kind: Service/);
	});

	it('starts no helm process when nothing changed', async () => {
		const { outcome, run } = await verifyArticles(await validCase());
		assert.ok(outcome.stats.helmProcesses > 0);
		const again = await run();
		assert.equal(again.stats.helmProcesses, 0);
		assert.equal(again.stats.cached, again.stats.renders);
		assert.deepEqual(again.failures, []);
	});

	it('re-renders a corrupt cache entry instead of trusting it', async () => {
		const { project, run } = await verifyArticles(await validCase());
		const dir = join(project.renderCacheDir, 'renders');
		const [bucket] = await readdir(dir);
		const [entry] = await readdir(join(dir, bucket!));
		await writeFile(join(dir, bucket!, entry!), '{"key": "garbage"');
		const evaluations = join(project.renderCacheDir, 'evaluations');
		for (const b of await readdir(evaluations)) {
			for (const e of await readdir(join(evaluations, b))) await writeFile(join(evaluations, b, e), 'not json');
		}
		const again = await run();
		assert.deepEqual(again.failures, []);
		assert.equal(again.stats.helmProcesses, 1, 'exactly the corrupt render runs again');
	});

	it('fails a false claim at the line of the assertion, with path, expected, actual and a diff', async () => {
		const files = await validCase({
			checks: replaceOnce(
				'      - documentExists: Service/t-tempo-ingester',
				'      - equal: { document: Deployment/t-tempo-distributor, path: spec.replicas, value: 5 }',
			),
		});
		const { outcome } = await verifyArticles(files);
		assert.equal(outcome.failures.length, 2, 'once per helm major');
		const text = formatFailure(outcome.failures[0]!);
		assert.match(text, /^content\/docs\/valid\.checks\.yaml:14: check "fix" failed on grafana\/tempo-distributed@1\.13\.0 with helm v3\.17\.3/);
		assert.match(text, /spec\.replicas/);
		assert.match(text, /Expected[^\n]*\n[\s\S]*5/);
		assert.match(text, /Actual[^\n]*\n[\s\S]*1/);
		assert.match(text, /^ *[-+] ?5$/m);
		assert.equal(outcome.report?.status, 'failed');
	});

	it('fails when the declared affected range differs from the computed matrix', async () => {
		const { outcome } = await verifyArticles(
			await validCase({ mdx: replaceOnce("affected: '>=1.13.0 <1.13.2'", "affected: '1.13.0'") }),
		);
		const text = outcome.failures.map(formatFailure).join('\n');
		assert.match(text, /valid\.mdx:8: the declared affected range "1\.13\.0" differs/);
		assert.match(text, /also affected: grafana\/1\.13\.1/);
	});

	it('names an unknown repository with the known ones', async () => {
		const { outcome } = await verifyArticles(
			await validCase({ mdx: replaceOnce('repository: grafana,', 'repository: grafana-nope,') }),
		);
		const text = formatFailure(outcome.failures[0]!);
		assert.match(text, /^content\/docs\/valid\.mdx:\d+: /);
		assert.match(text, /grafana-nope/);
		assert.match(text, /prometheus-community/);
	});

	it('lists the nearest available versions for a missing one', async () => {
		const { outcome } = await verifyArticles(await validCase({ checks: replaceOnce('versions: [1.13.0]', 'versions: [1.13.9]') }));
		const text = formatFailure(outcome.failures[0]!);
		assert.match(text, /^content\/docs\/valid\.checks\.yaml:10: /);
		assert.match(text, /1\.13\.9/);
		assert.match(text, /1\.13\.2/);
	});

	it('reports a render that hangs as a timeout', async () => {
		const { outcome } = await verifyArticles(await validCase(), {}, (config) => {
			config.renderTimeoutMs = 1;
		});
		assert.ok(outcome.failures.length > 0);
		assert.match(formatFailure(outcome.failures.find((f) => /check "fix"/.test(f.message))!), /did not finish within 1 ms/);
	});

	it('shows helm stderr when helm fails', async () => {
		const { outcome } = await verifyArticles(
			await validCase({ checks: replaceOnce('    values: [fix]', '    values: [fix]\n    set: { tempo: broken }') }),
		);
		const text = outcome.failures.map(formatFailure).join('\n');
		assert.match(text, /can't evaluate field podLabels/, 'helm\'s own error text is shown');
	});

	it('names HELM_BIN when it does not exist', async () => {
		const { outcome } = await verifyArticles(await validCase(), { HELM_BIN: '/nonexistent/helm' });
		assert.match(formatFailure(outcome.failures[0]!), /HELM_BIN=\/nonexistent\/helm/);
	});
});
