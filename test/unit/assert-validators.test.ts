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
});

describe('documentExists / documentNotExists / hasDocuments', () => {
	it('documentExists passes on a present document and lists it', () => {
		const outcome = passes({ documentExists: ingester });
		assert.deepEqual(outcome.documents, [ingester]);
		assert.equal(outcome.label, 'documentExists StatefulSet/t-tempo-ingester');
	});

	it('documentExists fails with the names of that kind, or the kinds present', () => {
		fails({ documentExists: 'StatefulSet/t-tempo-ingestor' }, [
			'No document matches StatefulSet/t-tempo-ingestor.',
			'StatefulSet documents in this render: t-tempo-ingester',
		]);
		fails({ documentExists: { kind: 'Deployment', name: 'x' } }, [
			'The render has no Deployment; kinds present: ConfigMap, Secret, Service, StatefulSet',
		]);
	});

	it('documentNotExists passes on an absent document and fails on a present one', () => {
		passes({ documentNotExists: 'Deployment/t-tempo-ingester' });
		fails({ documentNotExists: { kind: 'ConfigMap', source: 'templates/extra-manifests.yaml' } }, [
			'Expected no document to match ConfigMap [source templates/extra-manifests.yaml], found 1 document:',
			'ConfigMap/extra-settings (source: tempo-distributed/templates/extra-manifests.yaml)',
		]);
	});

	it('hasDocuments counts matching documents', () => {
		const outcome = passes({ hasDocuments: { kind: 'ConfigMap', count: 3 } });
		assert.equal(outcome.documents.length, 3);
		passes({ hasDocuments: { kind: 'Deployment', count: 0 } });
		passes({ hasDocuments: { count: 6 } });
		const failed = check({ hasDocuments: { kind: 'StatefulSet', name: 't-tempo-ingester', count: 0 } });
		assert.equal(failed.label, 'hasDocuments StatefulSet/t-tempo-ingester count 0');
		fails({ hasDocuments: { kind: 'StatefulSet', name: 't-tempo-ingester', count: 0 } }, [
			'Expected 0 documents matching StatefulSet/t-tempo-ingester, found 1:',
			'StatefulSet/t-tempo-ingester (source: tempo-distributed/templates/ingester/statefulset-ingester.yaml)',
		]);
	});
});

describe('exists / notExists', () => {
	it('exists passes on a present value, even null, and on an indefinite path with matches', () => {
		passes({ exists: { document: ingester, path: 'spec.template.metadata.annotations["checksum/config"]' } });
		passes({ exists: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | distributor.receivers` } });
		passes({ exists: { document: ingester, path: ingesterArgs } });
	});

	it('exists fails with where the path stopped', () => {
		const message = fails({ exists: { document: ingester, path: 'spec.template.spec.containers[0].resources.limits' } }, [
			ingesterSource,
			'Path: spec.template.spec.containers[0].resources.limits',
			'Expected the path to exist. Not found: spec.template.spec.containers[0].resources has no key "limits"',
		]);
		assert.equal(message.split('\n').length, 3);
		fails({ exists: { document: ingester, path: "spec.template.spec.containers[?(@.name=='querier')]" } }, [
			'Not found: the path matches nothing',
		]);
	});

	it('notExists passes on an absent value and fails with what it found', () => {
		passes({ notExists: { document: ingester, path: 'spec.template.spec.containers[0].resources.limits' } });
		passes({ notExists: { document: ingester, path: 'spec.template.spec.initContainers[*]' } });
		fails({ notExists: { document: ingester, path: 'spec.replicas' } }, [
			'Path: spec.replicas',
			'Expected the path not to exist.',
			'Actual:\n  3',
		]);
		fails({ notExists: { document: ingester, path: 'spec.template.spec.containers[*].resources' } }, [
			'Found at spec.template.spec.containers[0].resources:\n  {}',
		]);
	});
});

describe('equal / notEqual', () => {
	it('equal passes on equal values, in embedded YAML too', () => {
		const outcome = passes({ equal: { document: ingester, path: 'spec.replicas', value: 3 } });
		assert.equal(outcome.label, 'equal spec.replicas on StatefulSet/t-tempo-ingester');
		assert.deepEqual(outcome.documents, [ingester]);
		passes({ equal: { document: 'ConfigMap/t-tempo-config', path: `${tempoYaml} | memberlist.cluster_label`, value: 't.ns' } });
		passes({ equal: { document: 'Secret/t-tempo-config', path: `${secretYaml} | memberlist.cluster_label`, value: 't.tracing' } });
	});

	it('equal fails with path, expected, actual and a diff', () => {
		fails({ equal: { document: ingester, path: 'spec.replicas', value: 2 } }, [
			ingesterSource,
			'Path: spec.replicas',
			'Expected:\n  2\nActual:\n  3',
			'Diff:\n  --- Expected\n  +++ Actual\n  @@ -1,1 +1,1 @@\n  -2\n  +3',
		]);
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
				`Expected (valueFrom ConfigMap/t-tempo-config ${tempoYaml} | memberlist):`,
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

	it('notEqual passes on a different value and fails on an equal or missing one', () => {
		passes({ notEqual: { document: ingester, path: 'spec.replicas', value: 1 } });
		fails({ notEqual: { document: ingester, path: 'spec.replicas', value: 3 } }, [
			'Path: spec.replicas',
			'Expected not to equal:\n  3\nActual:\n  3',
		]);
		fails({ notEqual: { document: ingester, path: 'spec.replica', value: 3 } }, [
			'Not found: spec has no key "replica"',
			'use notExists to assert that it is absent',
		]);
	});
});

describe('contains / notContains', () => {
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
				ingesterSource,
				'Path: spec.template.spec.volumes',
				'Expected to contain:\n  - name: config\n    configMap:\n      name: t-tempo-cfg',
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
			'Expected 2 matching elements, found 3 (indexes 0, 1, 2).',
		]);
	});

	it('contains fails when the value is not a sequence', () => {
		fails({ contains: { document: ingester, path: 'spec.template', content: 'x' } }, ['Expected a sequence, found a mapping:']);
	});

	it('notContains passes when nothing matches and fails naming the matches', () => {
		passes({ notContains: { document: ingester, path: ingesterArgs, content: '-target=all' } });
		fails({ notContains: { document: ingester, path: 'spec.template.spec.volumes', content: { emptyDir: {} } } }, [
			'Found 1 matching element (index 2).',
			'Expected not to contain:\n  - emptyDir: {}',
			'Matching elements:\n  - name: data\n    emptyDir: {}',
		]);
		fails({ notContains: { document: ingester, path: 'spec.template.spec.volume', content: 'x' } }, [
			'use notExists to assert that it is absent',
		]);
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
				`Path: ${tempoYaml} | storage.trace`,
				'Expected to include:\n  backend: s3\n  wal:\n    path: /var/tempo/wal',
				'Actual:\n  backend: local\n  blocklist_poll: 5m',
				'+++ Actual (keys of the expected content only)',
				'-backend: s3\n  +backend: local\n   wal:\n     path: /var/tempo/wal',
			],
		);
	});

	it('fails when the value is not a mapping', () => {
		fails({ isSubset: { document: ingester, path: ingesterArgs, content: { a: 1 } } }, ['Expected a mapping, found a sequence.']);
	});
});

describe('matchRegex / notMatchRegex', () => {
	it('matchRegex searches a string value', () => {
		passes({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: '^docker\\.io/grafana/tempo:2\\.7\\.' } });
		passes({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: '(?i)TEMPO' } });
		fails({ matchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: ':2\\.8' } }, [
			'Path: spec.template.spec.containers[0].image',
			'Expected to match:\n  /:2\\.8/\nActual:\n  docker.io/grafana/tempo:2.7.2',
		]);
	});

	it('matchRegex needs a string', () => {
		fails({ matchRegex: { document: ingester, path: 'spec.replicas', pattern: '3' } }, ['Expected a string, found an integer.\nActual:\n  3']);
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

	it('notMatchRegex passes when the pattern is absent and fails when it is found', () => {
		passes({ notMatchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: 'latest' } });
		fails({ notMatchRegex: { document: ingester, path: 'spec.template.spec.containers[0].image', pattern: 'tempo' } }, [
			'Expected not to match:\n  /tempo/\nActual:\n  docker.io/grafana/tempo:2.7.2',
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
			'Expected length:\n  2\nActual length:\n  3',
			'Actual:\n  - -target=ingester',
		]);
		fails({ lengthEqual: { document: ingester, path: 'spec.replicas', count: 1 } }, ['Expected a sequence or a mapping, found an integer.']);
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
		fails({ failedTemplate: { errorMessage: 'kafka' } }, ['Expected helm template to fail, but it succeeded (exit code 0, 6 documents).']);
	});

	it('fails when a message or the pattern is not in stderr, showing stderr', () => {
		const message = fails(
			{ failedTemplate: { errorMessage: ['kafka.address', 'schema_config'], errorPattern: '^Error: template:' } },
			[
				'Expected stderr to contain:\n  schema_config\n',
				'Expected stderr to match:\n  /^Error: template:/',
				'Actual stderr (exit code 1):\n  Error: execution error at (tempo-distributed/templates/validate.yaml:5:4)',
			],
			failedRender,
		);
		assert.ok(!message.includes('  kafka.address\n'), 'a message that was found is not listed as missing');
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
			'Not found: the document has no key "data"',
		], edge);
	});

	it('fails a document assertion when no document matches', () => {
		const outcome = check({ equal: { document: 'StatefulSet/t-tempo-ingestor', path: 'spec.replicas', value: 3 } });
		assert.equal(outcome.passed, false);
		assert.deepEqual(outcome.documents, []);
		assert.match(outcome.message!, /^No document matches StatefulSet\/t-tempo-ingestor\./);
	});
});
