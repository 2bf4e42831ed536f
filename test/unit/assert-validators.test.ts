import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluateExpectations, validators } from '../../src/lib/assert/index.ts';
import { ASSERTION_KINDS, expectationSchema } from '../../src/lib/case/expectation-schema.ts';
import { parseManifest } from '../../src/lib/render/documents.ts';
import type { AssertionOutcome, RenderedManifest } from '../../src/lib/render/types.ts';

const read = (name: string) => readFileSync(new URL(`../fixtures/renders/${name}`, import.meta.url), 'utf8');

/** Two trimmed renders side by side: ConfigMap/t-tempo-config (namespace ns) and Secret/t-tempo-config (tracing). */
const rendered: RenderedManifest = {
	exitCode: 0,
	stderr: '',
	documents: [
		...parseManifest(read('tempo-distributed-1.40.0-default.yaml')),
		...parseManifest(read('tempo-distributed-1.40.0-secret.yaml')),
	],
};

const kafkaError =
	'Error: execution error at (tempo-distributed/templates/validate.yaml:5:4): ingest.kafka.address is required when blockBuilder or liveStore is enabled.\n\nUse --debug flag to render out invalid YAML\n';
const failedRender: RenderedManifest = { exitCode: 1, stderr: kafkaError, documents: [] };

function check(expectation: Record<string, unknown>, manifest: RenderedManifest = rendered): AssertionOutcome {
	const [outcome] = evaluateExpectations([expectationSchema.parse(expectation)], manifest);
	return outcome!;
}

function passes(expectation: Record<string, unknown>, manifest?: RenderedManifest): AssertionOutcome {
	const outcome = check(expectation, manifest);
	assert.equal(outcome.passed, true, outcome.message);
	assert.equal(outcome.message, undefined);
	return outcome;
}

/** Fails, and the message holds every fragment. Returns the message for further checks. */
function fails(expectation: Record<string, unknown>, fragments: string[], manifest?: RenderedManifest): string {
	const outcome = check(expectation, manifest);
	assert.equal(outcome.passed, false, `expected a failure for ${JSON.stringify(expectation)}`);
	const message = outcome.message ?? '';
	for (const fragment of fragments) assert.ok(message.includes(fragment), `missing ${JSON.stringify(fragment)} in:\n${message}`);
	return message;
}

const ingester = 'StatefulSet/t-tempo-ingester';
const ingesterSource = 'Document: StatefulSet/t-tempo-ingester (source: tempo-distributed/templates/ingester/statefulset-ingester.yaml)';
const ingesterArgs = "spec.template.spec.containers[?(@.name=='ingester')].args";
const tempoYaml = 'data["tempo.yaml"] | fromYaml';
const secretYaml = 'data["tempo.yaml"] | b64dec | fromYaml';

describe('registry', () => {
	it('has one validator per kind of the schema', () => {
		assert.deepEqual(Object.keys(validators).sort(), [...ASSERTION_KINDS].sort());
	});

	it('has no separate negative kinds: `not: true` negates', () => {
		for (const kind of ['notEqual', 'notExists', 'notContains', 'notMatchRegex', 'documentNotExists']) {
			assert.ok(!ASSERTION_KINDS.includes(kind as never), kind);
			const result = expectationSchema.safeParse({ [kind]: { document: ingester, path: 'spec' } });
			assert.equal(result.success, false, kind);
			assert.match(result.error!.issues[0]!.message, new RegExp(`^${kind} is written [a-zA-Z]+: \\{ .*not: true \\}$`));
		}
	});
});

describe('the failure format', () => {
	it('prints document, path, expected, actual and diff, in that order', () => {
		const outcome = check({ equal: { document: ingester, path: 'spec.replicas', value: 2 } });
		assert.equal(
			outcome.message,
			[
				ingesterSource,
				'Path: spec.replicas',
				'Expected:',
				'  2',
				'Actual:',
				'  3',
				'Diff:',
				'  --- Expected',
				'  +++ Actual',
				'  @@ -1,1 +1,1 @@',
				'  -2',
				'  +3',
			].join('\n'),
		);
	});

	it('prints "Expected not" under not: true, and no diff between equal values', () => {
		const outcome = check({ equal: { document: ingester, path: 'spec.replicas', value: 3, not: true } });
		assert.equal(outcome.message, [ingesterSource, 'Path: spec.replicas', 'Expected not:', '  3', 'Actual:', '  3'].join('\n'));
	});

	it('uses the same fields for every kind', () => {
		const fieldsOf = (message: string) =>
			message
				.split('\n')
				.filter((line) => /^[A-Z]/.test(line))
				.map((line) => /^(Document|Path|Match|Expected not|Expected|Actual|Error|Diff)\b/.exec(line)?.[1] ?? line);
		const messages = [
			fails({ exists: { document: ingester, path: 'spec.x' } }, []),
			fails({ exists: { document: ingester, path: 'spec.replicas', not: true } }, []),
			fails({ contains: { document: ingester, path: ingesterArgs, content: '-target=querier' } }, []),
			fails({ isSubset: { document: ingester, path: 'spec.selector.matchLabels', content: { a: 'b' } } }, []),
			fails({ matchRegex: { document: ingester, path: 'metadata.name', pattern: 'tempo', not: true } }, []),
			fails({ lengthEqual: { document: ingester, path: 'spec.template.spec.volumes', count: 3, not: true } }, []),
		];
		assert.deepEqual(messages.map(fieldsOf), [
			['Document', 'Path', 'Expected', 'Actual'],
			['Document', 'Path', 'Expected not', 'Actual'],
			['Document', 'Path', 'Match', 'Expected', 'Actual', 'Diff'],
			['Document', 'Path', 'Expected', 'Actual', 'Diff'],
			['Document', 'Path', 'Expected not', 'Actual'],
			['Document', 'Path', 'Expected not', 'Actual'],
		]);
	});
});

describe('the not flag in the schema', () => {
	it('negates documentExists with the { document, not } form; a bare selector stays the short form', () => {
		assert.deepEqual(expectationSchema.parse({ documentExists: ingester }), { kind: 'documentExists', body: { document: ingester } });
		assert.deepEqual(expectationSchema.parse({ documentExists: { kind: 'ConfigMap', source: 'x.yaml' } }), {
			kind: 'documentExists',
			body: { document: { kind: 'ConfigMap', source: 'x.yaml' } },
		});
		assert.deepEqual(expectationSchema.parse({ documentExists: { document: { kind: 'ConfigMap' }, not: true } }), {
			kind: 'documentExists',
			body: { document: { kind: 'ConfigMap' }, not: true },
		});
		const bare = expectationSchema.safeParse({ documentExists: { kind: 'ConfigMap', not: true } });
		assert.equal(bare.success, false);
		assert.deepEqual(
			bare.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
			[['documentExists.document', '"not" belongs to the assertion, not to the document selector: write { document: <selector>, not: true }']],
		);
	});

	it('refuses not on failedTemplate, saying why', () => {
		const result = expectationSchema.safeParse({ failedTemplate: { errorMessage: 'x', not: true } });
		assert.equal(result.success, false);
		assert.deepEqual(result.error!.issues[0]!.path, ['failedTemplate', 'not']);
		assert.match(result.error!.issues[0]!.message, /^failedTemplate cannot be negated: every other assertion already fails when helm template fails/);
	});

	it('takes only a boolean', () => {
		assert.equal(expectationSchema.safeParse({ exists: { document: ingester, path: 'spec', not: 'yes' } }).success, false);
	});
});

describe('documentExists / hasDocuments', () => {
	it('documentExists passes on a present document and lists it', () => {
		const outcome = passes({ documentExists: ingester });
		assert.deepEqual(outcome.documents, [ingester]);
		assert.equal(outcome.label, 'documentExists StatefulSet/t-tempo-ingester');
	});

	it('documentExists fails with the names of that kind, or the kinds present', () => {
		const message = fails({ documentExists: 'StatefulSet/t-tempo-ingestor' }, []);
		assert.equal(
			message,
			'Document: StatefulSet/t-tempo-ingestor\nExpected to exist\nActual: no document matches\nStatefulSet documents in this render: t-tempo-ingester',
		);
		fails({ documentExists: { kind: 'Deployment', name: 'x' } }, [
			'The render has no Deployment; kinds present: ConfigMap, Secret, Service, StatefulSet',
		]);
	});

	it('documentExists with not passes on an absent document and fails listing the present ones', () => {
		const absent = passes({ documentExists: { document: 'Deployment/t-tempo-ingester', not: true } });
		assert.equal(absent.label, 'not documentExists Deployment/t-tempo-ingester');
		assert.deepEqual(absent.documents, []);
		const message = fails({ documentExists: { document: { kind: 'ConfigMap', source: 'templates/extra-manifests.yaml' }, not: true } }, []);
		assert.equal(
			message,
			[
				'Document: ConfigMap [source templates/extra-manifests.yaml]',
				'Expected not to exist',
				'Actual: 1 document',
				'  ConfigMap/extra-settings (source: tempo-distributed/templates/extra-manifests.yaml)',
			].join('\n'),
		);
	});

	it('documentExists with not still fails on a failed render', () => {
		fails({ documentExists: { document: 'Deployment/x', not: true } }, ['helm template failed (exit code 1)'], failedRender);
	});

	it('hasDocuments counts matching documents', () => {
		const outcome = passes({ hasDocuments: { kind: 'ConfigMap', count: 3 } });
		assert.equal(outcome.documents.length, 3);
		passes({ hasDocuments: { kind: 'Deployment', count: 0 } });
		passes({ hasDocuments: { count: 6 } });
		const failed = check({ hasDocuments: { kind: 'StatefulSet', name: 't-tempo-ingester', count: 0 } });
		assert.equal(failed.label, 'hasDocuments StatefulSet/t-tempo-ingester count 0');
		fails({ hasDocuments: { kind: 'StatefulSet', name: 't-tempo-ingester', count: 0 } }, [
			'Expected: 0 documents matching StatefulSet/t-tempo-ingester\nActual: 1 document\n',
			'  StatefulSet/t-tempo-ingester (source: tempo-distributed/templates/ingester/statefulset-ingester.yaml)',
		]);
	});

	it('hasDocuments with not passes on any other count', () => {
		const outcome = passes({ hasDocuments: { kind: 'ConfigMap', count: 2, not: true } });
		assert.equal(outcome.label, 'not hasDocuments ConfigMap count 2');
		passes({ hasDocuments: { kind: 'Deployment', count: 1, not: true } });
		fails({ hasDocuments: { kind: 'Deployment', count: 0, not: true } }, ['Expected not: 0 documents matching Deployment\nActual: 0 documents']);
	});
});

describe('exists', () => {
	it('exists passes on a present value, even null, and on an indefinite path with matches', () => {
		passes({ exists: { document: ingester, path: 'spec.template.metadata.annotations["checksum/config"]' } });
		passes({ exists: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | distributor.receivers` } });
		passes({ exists: { document: ingester, path: ingesterArgs } });
	});

	it('exists fails with where the path stopped', () => {
		const message = fails({ exists: { document: ingester, path: 'spec.template.spec.containers[0].resources.limits' } }, []);
		assert.equal(
			message,
			[
				ingesterSource,
				'Path: spec.template.spec.containers[0].resources.limits',
				'Expected to exist',
				'Actual: not found (spec.template.spec.containers[0].resources has no key "limits")',
			].join('\n'),
		);
		fails({ exists: { document: ingester, path: "spec.template.spec.containers[?(@.name=='querier')]" } }, [
			'Actual: not found (the path matches nothing)',
		]);
	});

	it('exists with not passes on an absent value and fails with what it found', () => {
		const outcome = passes({ exists: { document: ingester, path: 'spec.template.spec.containers[0].resources.limits', not: true } });
		assert.equal(outcome.label, 'not exists spec.template.spec.containers[0].resources.limits on StatefulSet/t-tempo-ingester');
		passes({ exists: { document: ingester, path: 'spec.template.spec.initContainers[*]', not: true } });
		fails({ exists: { document: ingester, path: 'spec.replicas', not: true } }, [
			'Path: spec.replicas\nExpected not to exist\nActual:\n  3',
		]);
		fails({ exists: { document: ingester, path: 'spec.template.spec.containers[*].resources', not: true } }, [
			'Actual (1 match):\n  spec.template.spec.containers[0].resources: {}',
		]);
	});

	it('exists with not counts a present null as existing', () => {
		const edge: RenderedManifest = { exitCode: 0, stderr: '', documents: parseManifest('kind: ConfigMap\nmetadata:\n  name: n\ndata:\n  key: null\n') };
		fails({ exists: { document: 'ConfigMap/n', path: 'data.key', not: true } }, ['Actual:\n  null'], edge);
		passes({ exists: { document: 'ConfigMap/n', path: 'data.key' } }, edge);
	});

	it('exists with not fails on a decoder error and on a missing document, like exists', () => {
		fails({ exists: { document: ingester, path: 'spec | fromYaml', not: true } }, ['Error: fromYaml needs a string, but spec is a mapping']);
		fails({ exists: { document: 'StatefulSet/t-tempo-ingestor', path: 'spec.x', not: true } }, [
			'Document: StatefulSet/t-tempo-ingestor\nPath: spec.x\nExpected not to exist\nError: no document matches',
		]);
	});
});

describe('equal', () => {
	it('equal passes on equal values, in embedded YAML too', () => {
		const outcome = passes({ equal: { document: ingester, path: 'spec.replicas', value: 3 } });
		assert.equal(outcome.label, 'equal spec.replicas on StatefulSet/t-tempo-ingester');
		assert.deepEqual(outcome.documents, [ingester]);
		passes({ equal: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | memberlist.cluster_label`, value: 't.ns' } });
		passes({ equal: { document: 'Secret/t-tempo-config', path: `${secretYaml} | memberlist.cluster_label`, value: 't.tracing' } });
	});

	it('equal tells a string from a number', () => {
		fails({ equal: { document: ingester, path: 'spec.replicas', value: '3' } }, ['Expected:\n  "3"\nActual:\n  3']);
	});

	it('equal on an indefinite path checks every match and names the failing one', () => {
		passes({ equal: { document: ingester, path: 'spec.template.spec.containers[*].imagePullPolicy', value: 'IfNotPresent' } });
		fails({ equal: { document: ingester, path: 'spec.template.spec.volumes[*].name', value: 'config' } }, [
			'Match 2 of 3: spec.template.spec.volumes[1].name',
			'Match 3 of 3: spec.template.spec.volumes[2].name',
			'-config\n  +runtime-config',
		]);
	});

	it('equal with valueFrom compares with another document of the render', () => {
		const outcome = passes({
			equal: {
				document: 'Secret/t-tempo-config',
				path: `${secretYaml} | server`,
				valueFrom: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | server` },
			},
		});
		assert.deepEqual(outcome.documents, ['Secret/t-tempo-config', 'ConfigMap/t-tempo-config']);
		fails(
			{
				equal: {
					document: 'Secret/t-tempo-config',
					path: `${secretYaml} | memberlist`,
					valueFrom: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | memberlist` },
				},
			},
			[
				`Expected (valueFrom ConfigMap/t-tempo-config ${tempoYaml} | memberlist):\n  abort_if_cluster_join_fails: false`,
				"   bind_port: 7946\n  -cluster_label: t.ns\n  +cluster_label: t.tracing\n   gossip_interval: 1s",
			],
		);
		fails(
			{ equal: { document: ingester, path: 'spec.replicas', valueFrom: { document: { kind: 'ConfigMap' }, path: 'data' } } },
			['valueFrom ConfigMap data: expected exactly one document to match, found 3 (ConfigMap/t-tempo-runtime, ConfigMap/t-tempo-config, ConfigMap/extra-settings); narrow the selector'],
		);
	});

	it('equal with ignoreOrder compares sequences as multisets', () => {
		const path = 'data["settings.json"] | fromJson | tenants';
		passes({ equal: { document: 'ConfigMap/extra-settings', path, value: ['b', 'a'], ignoreOrder: true } });
		fails({ equal: { document: 'ConfigMap/extra-settings', path, value: ['b', 'a'] } }, ['-- b\n   - a\n  +- b']);
		fails({ equal: { document: 'ConfigMap/extra-settings', path, value: ['a', 'a'], ignoreOrder: true } }, [
			'Expected:\n  - a\n  - a\nActual:\n  - a\n  - b',
			'(ignoreOrder: sequences are compared as multisets and shown sorted)',
		]);
	});

	it('equal fails on a missing path, saying where the path stopped', () => {
		fails({ equal: { document: ingester, path: 'spec.replica', value: 3 } }, ['Expected:\n  3\nActual: not found (spec has no key "replica")']);
	});

	it('equal with not passes on a different value and fails on an equal one', () => {
		const outcome = passes({ equal: { document: ingester, path: 'spec.replicas', value: 1, not: true } });
		assert.equal(outcome.label, 'not equal spec.replicas on StatefulSet/t-tempo-ingester');
		fails({ equal: { document: ingester, path: 'spec.replicas', value: 3, not: true } }, ['Path: spec.replicas\nExpected not:\n  3\nActual:\n  3']);
		fails({ equal: { document: ingester, path: 'spec.template.spec.volumes[*].name', value: 'data', not: true } }, [
			'Match 3 of 3: spec.template.spec.volumes[2].name\nExpected not:\n  data\nActual:\n  data',
		]);
	});

	it('equal with not fails on a missing path, so that a typo in the path cannot pass', () => {
		const message = fails({ equal: { document: ingester, path: 'spec.replica', value: 3, not: true } }, []);
		assert.equal(
			message,
			[
				ingesterSource,
				'Path: spec.replica',
				'Expected not:',
				'  3',
				'Actual: not found (spec has no key "replica")',
				'equal with not: true needs the path to exist; to assert that it is absent, use exists with not: true.',
			].join('\n'),
		);
		fails({ equal: { document: ingester, path: "spec.template.spec.containers[?(@.name=='querier')].image", value: 'x', not: true } }, [
			'Actual: not found (the path matches nothing)',
		]);
	});

	it('equal with not keeps equal\'s notion of equality: types, ignoreOrder, valueFrom', () => {
		passes({ equal: { document: ingester, path: 'spec.replicas', value: '3', not: true } });
		const path = 'data["settings.json"] | fromJson | tenants';
		passes({ equal: { document: 'ConfigMap/extra-settings', path, value: ['b', 'a'], not: true } });
		fails({ equal: { document: 'ConfigMap/extra-settings', path, value: ['b', 'a'], ignoreOrder: true, not: true } }, [
			'Expected not:\n  - a\n  - b\nActual:\n  - a\n  - b\n(ignoreOrder',
		]);
		const valueFrom = { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | server` };
		passes({ equal: { document: 'Secret/t-tempo-config', path: `${secretYaml} | memberlist`, valueFrom, not: true } });
		fails({ equal: { document: 'Secret/t-tempo-config', path: `${secretYaml} | server`, valueFrom, not: true } }, [
			`Expected not (valueFrom ConfigMap/t-tempo-config ${tempoYaml} | server):`,
		]);
		fails({ equal: { document: ingester, path: 'spec.replicas', valueFrom: { document: 'ConfigMap/nope', path: 'data' }, not: true } }, [
			'Error: valueFrom ConfigMap/nope data: expected exactly one document to match, found none',
		]);
	});
});

describe('contains', () => {
	it('contains finds a scalar in a filtered sequence', () => {
		const outcome = passes({ contains: { document: ingester, path: ingesterArgs, content: '-target=ingester' } });
		assert.equal(outcome.label, `contains ${ingesterArgs} on StatefulSet/t-tempo-ingester`);
	});

	it('contains matches mappings partially, nested sequences element by element', () => {
		passes({ contains: { document: ingester, path: 'spec.template.spec.containers', content: { name: 'ingester', ports: [{ name: 'grpc' }, { name: 'http-memberlist' }, { name: 'http-metrics', containerPort: 3100 }] } } });
		// A nested sequence must have the same length: two of three ports is not a match.
		fails({ contains: { document: ingester, path: 'spec.template.spec.containers', content: { name: 'ingester', ports: [{ name: 'grpc' }] } } }, [
			'Expected to contain:',
		]);
	});

	it('contains fails with a diff against the closest element', () => {
		fails(
			{ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { name: 'config', configMap: { name: 't-tempo-cfg' } } } },
			[
				`${ingesterSource}\nPath: spec.template.spec.volumes\nExpected to contain:\n  - name: config\n    configMap:\n      name: t-tempo-cfg`,
				'Actual:\n  - name: config\n    configMap:\n      name: t-tempo-config\n      items:',
				'Diff:\n  --- Expected\n  +++ Actual (element 0, keys of the expected content only)\n  @@ -1,3 +1,3 @@\n   name: config\n   configMap:\n  -  name: t-tempo-cfg\n  +  name: t-tempo-config',
			],
		);
		fails({ contains: { document: ingester, path: ingesterArgs, content: '-target=querier' } }, [
			`Match 1 of 1: spec.template.spec.containers[0].args`,
			'-- -target=querier\n  +- -target=ingester',
		]);
	});

	it('contains with count needs exactly that many matching elements', () => {
		passes({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { name: 'data' }, count: 1 } });
		passes({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: {}, count: 3 } });
		fails({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: {}, count: 2 } }, [
			'Expected to contain 2 elements matching:\n  {}\nActual (3 matching elements: indexes 0, 1, 2):\n  - name: config',
		]);
	});

	it('contains fails when the value is not a sequence', () => {
		fails({ contains: { document: ingester, path: 'spec.template', content: 'x' } }, ['Actual (a mapping, but a sequence is needed):']);
	});

	it('contains with not passes when nothing matches and fails showing the matches', () => {
		const outcome = passes({ contains: { document: ingester, path: ingesterArgs, content: '-target=all', not: true } });
		assert.equal(outcome.label, `not contains ${ingesterArgs} on StatefulSet/t-tempo-ingester`);
		const message = fails({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { emptyDir: {} }, not: true } }, []);
		assert.equal(
			message,
			[
				ingesterSource,
				'Path: spec.template.spec.volumes',
				'Expected not to contain:',
				'  - emptyDir: {}',
				'Actual (1 matching element: index 2):',
				'  - name: data',
				'    emptyDir: {}',
			].join('\n'),
		);
	});

	it('contains with not and count passes unless exactly count elements match', () => {
		passes({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: {}, count: 2, not: true } });
		passes({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { name: 'nope' }, count: 1, not: true } });
		fails({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { name: 'data' }, count: 1, not: true } }, [
			'Expected not to contain 1 element matching:\n  name: data\nActual (1 matching element: index 2):',
		]);
		fails({ contains: { document: ingester, path: 'spec.template.spec.volumes', content: { name: 'nope' }, count: 0, not: true } }, [
			'Actual (no matching element):\n  - name: config',
		]);
	});

	it('contains with not needs the sequence to exist and to be a sequence', () => {
		fails({ contains: { document: ingester, path: 'spec.template.spec.volume', content: 'x', not: true } }, [
			'Actual: not found (spec.template.spec has no key "volume")',
			'contains with not: true needs the path to exist; to assert that it is absent, use exists with not: true.',
		]);
		fails({ contains: { document: ingester, path: 'spec.template', content: 'x', not: true } }, ['Actual (a mapping, but a sequence is needed):']);
	});
});

describe('isSubset', () => {
	it('passes when the mapping includes the content', () => {
		passes({ isSubset: { document: ingester, path: 'spec.selector.matchLabels', content: { 'app.kubernetes.io/component': 'ingester' } } });
		passes({ isSubset: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | storage.trace`, content: { backend: 'local', local: { path: '/var/tempo/traces' } } } });
	});

	it('fails with a diff restricted to the keys of the content', () => {
		fails(
			{ isSubset: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | storage.trace`, content: { backend: 's3', wal: { path: '/var/tempo/wal' } } } },
			[
				`Path: ${tempoYaml} | storage.trace\nExpected to include:\n  backend: s3\n  wal:\n    path: /var/tempo/wal`,
				'Actual:\n  backend: local\n  blocklist_poll: 5m',
				'+++ Actual (keys of the expected content only)',
				'-backend: s3\n  +backend: local\n   wal:\n     path: /var/tempo/wal',
			],
		);
	});

	it('fails when the value is not a mapping', () => {
		fails({ isSubset: { document: ingester, path: ingesterArgs, content: { a: 1 } } }, ['Actual (a sequence, but a mapping is needed):']);
	});

	it('with not, passes when the mapping lacks the content and fails when it includes it', () => {
		const outcome = passes({ isSubset: { document: ingester, path: 'spec.selector.matchLabels', content: { 'app.kubernetes.io/component': 'querier' }, not: true } });
		assert.equal(outcome.label, 'not isSubset spec.selector.matchLabels on StatefulSet/t-tempo-ingester');
		const message = fails(
			{ isSubset: { document: ingester, path: 'spec.selector.matchLabels', content: { 'app.kubernetes.io/component': 'ingester' }, not: true } },
			['Expected not to include:\n  app.kubernetes.io/component: ingester\nActual:\n  app.kubernetes.io/name: tempo'],
		);
		assert.ok(!message.includes('Diff:'), 'no diff between identical sides');
		fails({ isSubset: { document: ingester, path: ingesterArgs, content: { a: 1 }, not: true } }, ['Actual (a sequence, but a mapping is needed):']);
	});
});

describe('matchRegex', () => {
	it('matchRegex searches a string value', () => {
		passes({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: '^docker\\.io/grafana/tempo:2\\.7\\.' } });
		passes({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: '(?i)TEMPO' } });
		fails({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: ':2\\.8' } }, [
			'Path: spec.template.spec.containers[0].image\nExpected to match: /:2\\.8/\nActual:\n  docker.io/grafana/tempo:2.7.2',
		]);
	});

	it('matchRegex needs a string', () => {
		fails({ matchRegex: { document: ingester, path: 'spec.replicas', pattern: '3' } }, ['Actual (an integer, but a string is needed):\n  3']);
	});

	it('matchRegex on an indefinite path needs every match to match', () => {
		passes({ matchRegex: { document: ingester, path: ingesterArgs.replace('.args', '.args[*]'), pattern: '^-' } });
		fails({ matchRegex: { document: ingester, path: `${ingesterArgs}[*]`, pattern: '^-target' } }, [
			'Match 2 of 3: spec.template.spec.containers[0].args[1]',
			'Match 3 of 3: spec.template.spec.containers[0].args[2]',
		]);
	});

	it('applies to every selected document and names each failing one', () => {
		const message = fails({ matchRegex: { document: { kind: 'ConfigMap' }, path: 'metadata.name', pattern: '^t-tempo-' } }, [
			'Document: ConfigMap/extra-settings (source: tempo-distributed/templates/extra-manifests.yaml)',
		]);
		assert.ok(!message.includes('ConfigMap/t-tempo-runtime'));
	});

	it('matchRegex with not passes when the pattern is absent and fails when it is found', () => {
		const outcome = passes({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: 'latest', not: true } });
		assert.equal(outcome.label, 'not matchRegex spec.template.spec.containers[0].image on StatefulSet/t-tempo-ingester');
		fails({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: 'tempo', not: true } }, [
			'Expected not to match: /tempo/\nActual:\n  docker.io/grafana/tempo:2.7.2',
		]);
		fails({ matchRegex: { document: ingester, path: `${ingesterArgs}[*]`, pattern: '^-target', not: true } }, [
			'Match 1 of 3: spec.template.spec.containers[0].args[0]',
		]);
	});

	it('matchRegex with not still needs a string at an existing path', () => {
		fails({ matchRegex: { document: ingester, path: 'spec.replicas', pattern: 'x', not: true } }, ['Actual (an integer, but a string is needed):\n  3']);
		fails({ matchRegex: { document: ingester, path: 'spec.image', pattern: 'x', not: true } }, [
			'Actual: not found (spec has no key "image")',
			'matchRegex with not: true needs the path to exist',
		]);
	});

	it('an invalid pattern fails the assertion, not the run', () => {
		fails({ matchRegex: { document: ingester, path: 'metadata.name', pattern: '(' } }, ['pattern "(" is not a valid regular expression']);
	});
});

describe('lengthEqual', () => {
	it('measures sequences and mappings', () => {
		passes({ lengthEqual: { document: ingester, path: 'spec.template.spec.volumes', count: 3 } });
		passes({ lengthEqual: { document: ingester, path: 'spec.selector.matchLabels', count: 3 } });
		passes({ lengthEqual: { document: ingester, path: 'spec.template.spec.initContainers', count: 0 } });
	});

	it('fails with both lengths', () => {
		const outcome = check({ lengthEqual: { document: ingester, path: ingesterArgs, count: 2 } });
		assert.equal(outcome.label, `lengthEqual ${ingesterArgs} on StatefulSet/t-tempo-ingester count 2`);
		fails({ lengthEqual: { document: ingester, path: ingesterArgs, count: 2 } }, [
			'Expected to have length: 2\nActual (length 3):\n  - -target=ingester',
		]);
		fails({ lengthEqual: { document: ingester, path: 'spec.replicas', count: 1 } }, ['Actual (an integer, but a sequence or a mapping is needed):']);
	});

	it('with not, passes on any other length', () => {
		const outcome = passes({ lengthEqual: { document: ingester, path: ingesterArgs, count: 2, not: true } });
		assert.equal(outcome.label, `not lengthEqual ${ingesterArgs} on StatefulSet/t-tempo-ingester count 2`);
		fails({ lengthEqual: { document: ingester, path: ingesterArgs, count: 3, not: true } }, [
			'Expected not to have length: 3\nActual (length 3):\n  - -target=ingester',
		]);
		fails({ lengthEqual: { document: ingester, path: 'spec.replicas', count: 1, not: true } }, ['Actual (an integer, but a sequence or a mapping is needed):']);
	});
});

describe('failedTemplate', () => {
	it('passes on a failed render whose stderr holds the messages and matches the pattern', () => {
		const outcome = passes(
			{ failedTemplate: { errorMessage: ['ingest.kafka.address is required', 'validate.yaml'], errorPattern: 'blockBuilder or liveStore' } },
			failedRender,
		);
		assert.equal(
			outcome.label,
			'failedTemplate "ingest.kafka.address is required" "validate.yaml" /blockBuilder or liveStore/',
		);
		passes({ failedTemplate: {} }, failedRender);
	});

	it('fails on a successful render', () => {
		fails({ failedTemplate: { errorMessage: 'kafka' } }, [
			'Expected helm template to fail with:\n  stderr containing "kafka"\nActual: succeeded (exit code 0, 6 documents)',
		]);
	});

	it('fails when a message or the pattern is not in stderr, showing stderr', () => {
		const message = fails(
			{ failedTemplate: { errorMessage: ['kafka.address', 'schema_config'], errorPattern: '^Error: template:' } },
			[
				'Expected helm template to fail with:\n  stderr containing "kafka.address"\n  stderr containing "schema_config"\n  stderr matching /^Error: template:/',
				'Actual stderr (exit code 1):\n  Error: execution error at (tempo-distributed/templates/validate.yaml:5:4)',
				'Not in stderr: "schema_config"\nNot matched in stderr: /^Error: template:/',
			],
			failedRender,
		);
		assert.ok(!message.includes('Not in stderr: "kafka.address"'), 'a message that was found is not listed as missing');
	});
});

describe('evaluateExpectations', () => {
	it('fails every other assertion when the render failed, with helm stderr', () => {
		const outcomes = evaluateExpectations(
			[
				expectationSchema.parse({ documentExists: ingester }),
				expectationSchema.parse({ failedTemplate: { errorMessage: 'kafka' } }),
				expectationSchema.parse({ hasDocuments: { count: 0 } }),
			],
			failedRender,
		);
		assert.deepEqual(
			outcomes.map((o) => [o.index, o.kind, o.passed]),
			[
				[0, 'documentExists', false],
				[1, 'failedTemplate', true],
				[2, 'hasDocuments', false],
			],
		);
		assert.equal(
			outcomes[0]!.message,
			'helm template failed (exit code 1), so this assertion could not be checked.\nstderr:\n  Error: execution error at (tempo-distributed/templates/validate.yaml:5:4): ingest.kafka.address is required when blockBuilder or liveStore is enabled.\n\n  Use --debug flag to render out invalid YAML',
		);
	});

	it('reports a bad path as a failed assertion with the reason', () => {
		const outcome = check({ equal: { document: ingester, path: 'spec | replicas', value: 1 } });
		assert.equal(outcome.passed, false);
		assert.equal(outcome.message, 'path "spec | replicas": expected a decoder (fromYaml, fromJson, b64dec) after "|", found "replicas"');
	});

	it('reports a decoder error against the document', () => {
		fails({ exists: { document: ingester, path: 'spec | fromYaml' } }, [ingesterSource, 'Error: fromYaml needs a string, but spec is a mapping']);
	});

	it('notes when a document could not be parsed', () => {
		const edge: RenderedManifest = { exitCode: 0, stderr: '', documents: parseManifest(read('edge-cases.yaml')) };
		fails({ exists: { document: 'Secret/broken', path: 'data.password' } }, [
			'Document: Secret/broken (source: demo/templates/tab-indent.yaml)',
			'Note: this document is not valid YAML (Tabs are not allowed as indentation at line 8',
			'Actual: not found (the document has no key "data")',
		], edge);
	});

	it('fails a document assertion when no document matches, with or without not', () => {
		fails({ equal: { document: 'StatefulSet/t-tempo-ingestor', path: 'spec.replicas', value: 3, not: true } }, ['Error: no document matches']);
		const outcome = check({ equal: { document: 'StatefulSet/t-tempo-ingestor', path: 'spec.replicas', value: 3 } });
		assert.equal(outcome.passed, false);
		assert.deepEqual(outcome.documents, []);
		assert.equal(
			outcome.message,
			'Document: StatefulSet/t-tempo-ingestor\nPath: spec.replicas\nExpected:\n  3\nError: no document matches\nStatefulSet documents in this render: t-tempo-ingester',
		);
	});
});
