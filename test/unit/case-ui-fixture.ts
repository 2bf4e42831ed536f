import type { CaseReport, CheckReport, Report } from '../../src/lib/report/schema.ts';

/** A small, schema-valid case report for the case-page UI tests. */

const chart = { repository: 'grafana', name: 'tempo-distributed' };

function check(id: string, values: string[]): CheckReport {
	const versions = ['1.13.0', '1.13.1'];
	return {
		id,
		title: `${id} title`,
		status: 'passed',
		chart,
		versions: versions.map((version) => ({ ...chart, version, digest: 'd', origin: 'mirror' as const })),
		helm: ['v3.17.3+ge4da497', 'v4.1.4+g05fa379'],
		release: 't',
		namespace: 'tracing',
		values,
		set: {},
		reproduce: {
			setup: ['helm repo add grafana https://grafana.github.io/helm-charts', 'helm repo update grafana'],
			commands: versions.map((version) => ({
				version,
				command: `helm template t grafana/tempo-distributed --version ${version} --namespace tracing${values.map((v) => ` -f ${v}.yaml`).join('')}`,
			})),
			files: values.map((v) => `${v}.yaml`),
		},
		excerpts: [
			{
				document: 'PodDisruptionBudget/t-tempo-ingester',
				source: 'tempo-distributed/templates/ingester/poddisruptionbudget-ingester.yaml',
				version: '1.13.0',
				yaml: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: t-tempo-ingester\n',
				trimmed: false,
			},
		],
		runs: versions.map((version) => ({
			version,
			helm: 'v3.17.3+ge4da497',
			passed: true,
			exitCode: 0,
			cached: false,
			assertions: [{ index: 0, kind: 'hasDocuments', label: 'hasDocuments StatefulSet t-tempo-ingester count 0', passed: true }],
		})),
		file: 'content/docs/tempo/x.checks.yaml',
		line: 20,
	};
}

export function caseReportFixture(): CaseReport {
	return {
		id: 'tempo-ingester-statefulset-missing',
		title: 'tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet',
		file: 'content/docs/tempo/ingester-statefulset-missing.mdx',
		slug: 'tempo/ingester-statefulset-missing',
		sourceHash: '0'.repeat(64),
		product: 'tempo',
		component: 'ingester',
		chart,
		affected: { declared: '>=1.13.0 <1.13.2', versions: ['1.13.0', '1.13.1'] },
		fixedIn: '1.13.2',
		kinds: ['regression'],
		status: 'passed',
		verifiedAt: '2026-11-22T03:40:00.000Z',
		helm: ['v3.17.3+ge4da497', 'v4.1.4+g05fa379'],
		snippets: [
			{ id: 'get-statefulsets', lang: 'bash', line: 40, illustrative: true, fileName: 'get-statefulsets.sh', text: 'kubectl get sts\n', checks: [] },
			{ id: 'no-rollout-operator', lang: 'yaml', line: 50, illustrative: false, fileName: 'no-rollout-operator.yaml', text: 'rollout_operator:\n  enabled: false\n', checks: ['no-rollout-operator'] },
			{ id: 'matrix-values', lang: 'yaml', line: 60, illustrative: false, fileName: 'matrix-values.yaml', text: 'a: 1\n', checks: ['matrix'] },
			{ id: 'orphan', lang: 'yaml', line: 70, illustrative: false, fileName: 'orphan.yaml', text: 'b: 2\n', checks: [] },
		],
		checks: [check('broken-default', []), check('no-rollout-operator', ['no-rollout-operator'])],
		matrix: [
			{ repository: 'grafana', chart: 'tempo-distributed', version: '1.12.0', verdict: 'not-affected', digest: 'd' },
			{ repository: 'grafana', chart: 'tempo-distributed', version: '1.13.0', verdict: 'affected', digest: 'd' },
			{ repository: 'grafana', chart: 'tempo-distributed', version: '1.13.1', verdict: 'affected', digest: 'd' },
			{ repository: 'grafana', chart: 'tempo-distributed', version: '1.13.2', verdict: 'fixed', digest: 'd' },
		],
	};
}

export function reportFixture(): Report {
	return {
		reportVersion: 3,
		generatedAt: '2026-11-22T03:40:00.000Z',
		helm: [
			{ major: '3', version: 'v3.17.3+ge4da497', source: 'test', sha256: 'a'.repeat(64) },
			{ major: '4', version: 'v4.1.4+g05fa379', source: 'test', sha256: 'b'.repeat(64) },
		],
		status: 'passed',
		missing: [],
		cases: [caseReportFixture()],
		stats: { renders: 8, cached: 0, durationMs: 1 },
	};
}
