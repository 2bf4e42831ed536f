import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { reportSchema } from '../../src/lib/report/schema.ts';
import type { HelmBinary, ResolvedChart } from '../../src/lib/render/types.ts';
import { loadCaseArticles } from '../../src/lib/verify/articles.ts';
import { planRenders } from '../../src/lib/verify/plan.ts';
import { buildCaseReport, buildReport } from '../../src/lib/verify/report-builder.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

const helm3: HelmBinary = { major: '3', path: '/helm3', version: 'v3.17.3+ge4da497', sha256: 'a', source: 'test' };

function chart(version: string): ResolvedChart {
	return {
		repository: 'grafana',
		repositoryUrl: 'https://grafana.github.io/helm-charts',
		name: 'tempo-distributed',
		version,
		digest: `d-${version}`,
		archivePath: `/mirror/tempo-distributed-${version}.tgz`,
		origin: 'mirror',
	};
}

/** The valid fixture with its check limited to Helm 4, planned with Helm 3 alone. */
async function planWithHelm3() {
	const { articles } = await loadCaseArticles(root, fixtures, [`${fixtures}valid.mdx`]);
	const article = articles[0]!;
	article.case.checks[0]!.helm = ['4'];
	const plan = planRenders({
		articles,
		helms: [helm3],
		chartsFor: (_, owner) => (owner.kind === 'check' ? [chart('1.13.0')] : ['1.12.0', '1.13.0'].map(chart)),
		kubeVersion: '1.32.0',
		timeoutMs: 1000,
	});
	return { article, plan };
}

describe('a check no configured helm may run', () => {
	it('is planned as skipped, with the reason, and renders nothing', async () => {
		const { plan } = await planWithHelm3();
		assert.deepEqual(
			plan.uses.map((use) => use.owner.kind),
			['matrix', 'matrix'],
		);
		assert.equal(plan.skipped.length, 1);
		assert.equal(plan.skipped[0]!.owner.check.id, 'fix');
		assert.equal(plan.skipped[0]!.reason, 'needs helm 4, not configured');
	});

	it('is reported as skipped, not passed, and does not fail its case', async () => {
		const { article, plan } = await planWithHelm3();
		const caseReport = buildCaseReport(
			{ article, checkOutcomes: [], skippedChecks: plan.skipped, verdicts: [], matrixFailed: false },
			'2026-12-01T00:00:00.000Z',
		);
		const [check] = caseReport.checks;
		assert.equal(check!.status, 'skipped');
		assert.equal(check!.reason, 'needs helm 4, not configured');
		assert.deepEqual(check!.runs, []);
		assert.deepEqual(check!.helm, []);
		assert.deepEqual(check!.versions.map((v) => v.version), ['1.13.0']);
		assert.equal(
			check!.reproduce.commands[0]!.command,
			'helm template t grafana/tempo-distributed --version 1.13.0 --namespace tracing --kube-version 1.32.0 -f fix.yaml',
		);
		assert.equal(caseReport.status, 'passed');
		const report = buildReport({ cases: [caseReport], helms: [helm3], generatedAt: '2026-12-01T00:00:00.000Z', stats: { renders: 2, cached: 0, durationMs: 1 } });
		assert.equal(report.status, 'passed');
		assert.ok(reportSchema.safeParse(report).success, 'the report schema knows skipped checks');
	});
});
