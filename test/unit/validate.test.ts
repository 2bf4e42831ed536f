import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateRender } from '../../src/lib/validate/manifest.ts';
import { loadSchemaSet } from '../../src/lib/validate/schema-set.ts';
import { versionRanges } from '../../src/lib/validate/summary.ts';

const schemas = loadSchemaSet();

/** A valid StatefulSet, to which each test adds one mistake. */
const statefulSet = (spec: string) => `---
# Source: tempo/templates/ingester/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: t-ingester
  labels:
    helm.sh/chart: tempo-1.13.0
spec:
  serviceName: t-ingester
  selector:
    matchLabels: { app: ingester }
  template:
    metadata:
      labels: { app: ingester }
    spec:
      containers:
        - name: ingester
          image: grafana/tempo:2.7.0
          resources:
            limits: { cpu: 1, memory: 1Gi }
${spec}`;

function findings(stdout: string, values: string[] = []) {
	return validateRender(schemas, stdout, values.map((content, i) => ({ name: `v${i}.yaml`, content }))).findings;
}

describe('strict schema validation of one render', () => {
	it('names the schema set: Kubernetes 1.32.0 from the official client', () => {
		assert.equal(schemas.kubernetesVersion, '1.32.0');
		assert.match(schemas.id, /^kubernetes 1\.32\.0 \(@kubernetes\/client-node \d+\.\d+\.\d+\)$/);
	});

	it('accepts a valid StatefulSet (a number for a quantity, int-or-string ports, null for an optional field)', () => {
		const stdout = `${statefulSet('  replicas: 3\n  updateStrategy: null')}
---
apiVersion: v1
kind: Service
metadata: { name: s }
spec:
  ports: [{ port: 80, targetPort: http }, { port: 81, targetPort: 8081 }]
`;
		assert.deepEqual(findings(stdout), []);
	});

	it('reports an unknown field with its path, the document and the template', () => {
		const [finding, ...rest] = findings(statefulSet('  volumeClaimTemplate: []'));
		assert.deepEqual(rest, []);
		assert.equal(finding?.rule, 'unknown-field');
		assert.equal(finding?.path, 'spec.volumeClaimTemplate');
		assert.equal(finding?.document, 'StatefulSet/t-ingester');
		assert.equal(finding?.source, 'tempo/templates/ingester/statefulset.yaml');
		assert.match(finding!.expected, /StatefulSetSpec/);
	});

	it('reports an unknown field one level too deep in a container', () => {
		const stdout = statefulSet('').replace('          image: grafana/tempo:2.7.0\n', '          image: grafana/tempo:2.7.0\n          limits: { cpu: 1 }\n');
		assert.deepEqual(findings(stdout).map((f) => [f.rule, f.path]), [['unknown-field', 'spec.template.spec.containers[0].limits']]);
	});

	it('reports a wrong type: replicas as a string, a label value as a number', () => {
		const stdout = statefulSet('  replicas: "3"').replace('helm.sh/chart: tempo-1.13.0', 'helm.sh/chart: tempo-1.13.0\n    tier: 2');
		assert.deepEqual(
			findings(stdout).map((f) => [f.rule, f.path, f.expected, f.found]),
			[
				['wrong-type', 'metadata.labels.tier', 'a string', 'an integer (2)'],
				['wrong-type', 'spec.replicas', 'an integer', 'a string ("3")'],
			],
		);
	});

	it('reports a missing required field', () => {
		const stdout = statefulSet('').replace('  serviceName: t-ingester\n', '');
		assert.deepEqual(findings(stdout).map((f) => [f.rule, f.path]), [['missing-field', 'spec.serviceName']]);
	});

	it('reports a key written twice, which a lenient reader would silently resolve to the last value', () => {
		const stdout = statefulSet('  replicas: 1\n  replicas: 2');
		const [finding] = findings(stdout);
		assert.equal(finding?.rule, 'duplicate-key');
		assert.equal(finding?.path, 'spec.replicas');
	});

	it('reports a kind the group does not have, and a group version Kubernetes 1.32 no longer serves', () => {
		const stdout = `---
apiVersion: apps/v1
kind: Role
metadata: { name: r }
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: { name: p }
`;
		assert.deepEqual(
			findings(stdout).map((f) => [f.rule, f.path, f.document]),
			[
				['unknown-kind', 'kind', 'Role/r'],
				['unknown-kind', 'apiVersion', 'PodDisruptionBudget/p'],
			],
		);
	});

	it('lists a custom resource without a schema as not schema-checked, and judges nothing in it', () => {
		const result = validateRender(schemas, `---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: m }
spec: { anything: [1, 2] }
`, []);
		assert.deepEqual(result.findings, []);
		assert.deepEqual(result.notChecked, ['monitoring.coreos.com/v1 ServiceMonitor']);
	});
});

describe('the values file line that wrote a finding', () => {
	it('maps a field of an extraObjects entry back to its line', () => {
		const values = `# restore the ingester
extraObjects:
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: '{{ .Release.Name }}-ingester'
    spec:
      volumeClaimTemplate: []
`;
		const [finding] = findings(statefulSet('  volumeClaimTemplate: []'), [values]);
		assert.deepEqual(finding?.origin, { valuesFile: 0, line: 8 });
	});

	it('maps a field of an extraObjects entry written as YAML text (templates masked) back to its line', () => {
		const values = `extraObjects:
  - |
    apiVersion: v1
    kind: Service
    metadata:
      name: {{ .Release.Name }}-svc
    spec:
      ports:
        - port: "80"
`;
		const stdout = `---
apiVersion: v1
kind: Service
metadata: { name: r-svc }
spec:
  ports:
    - port: "80"
`;
		const [finding] = findings(stdout, [values]);
		assert.equal(finding?.rule, 'wrong-type');
		assert.deepEqual(finding?.origin, { valuesFile: 0, line: 9 });
	});

	it('maps a sidecar container field to the extraContainers line, in the second values file', () => {
		const values = `ruler:
  extraContainers:
    - name: loki-sc-rules
      image: kiwigrid/k8s-sidecar:1.30.2
      imagePullPolicy: 3
`;
		const stdout = statefulSet('').replace('          image: grafana/tempo:2.7.0\n', '          image: grafana/tempo:2.7.0\n        - name: loki-sc-rules\n          image: kiwigrid/k8s-sidecar:1.30.2\n          imagePullPolicy: 3\n');
		const [finding] = findings(stdout, ['unrelated: true\n', values]);
		assert.equal(finding?.path, 'spec.template.spec.containers[1].imagePullPolicy');
		assert.deepEqual(finding?.origin, { valuesFile: 1, line: 5 });
	});

	it('leaves a finding of the chart itself without an origin', () => {
		const [finding] = findings(statefulSet('  volumeClaimTemplate: []'), ['ingester:\n  replicas: 3\n']);
		assert.equal(finding?.origin, undefined);
	});
});

describe('versionRanges', () => {
	it('says runs of consecutive rendered versions, broken by a version rendered without the finding', () => {
		const rendered = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '2.0.0'];
		assert.equal(versionRanges(['1.0.0', '1.1.0', '1.2.0', '1.4.0'], rendered), '1.0.0 – 1.2.0, 1.4.0');
		assert.equal(versionRanges(['2.0.0'], rendered), '2.0.0');
	});
});
