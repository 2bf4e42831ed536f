import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateRules, type RuleOutcome } from '../../src/lib/check/evaluate-rules.ts';
import { detectSchema, detectionRuleSchema } from '../../src/lib/check/rules-schema.ts';
import { mergeValues, parseSetArguments, parseValuesText, setKeyPath, setSource } from '../../src/lib/check/values.ts';
import { parseManifest } from '../../src/lib/render/documents.ts';
import type { RenderedManifest } from '../../src/lib/render/types.ts';

/** A small render: the ingester Service of tempo-distributed, a StatefulSet of another component, a config. */
const render = `---
# Source: tempo-distributed/templates/ingester/service-ingester.yaml
apiVersion: v1
kind: Service
metadata:
  name: t-tempo-ingester
---
# Source: tempo-distributed/templates/memcached/statefulset-memcached.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: t-tempo-memcached
spec:
  replicas: 1
---
# Source: tempo-distributed/templates/configmap-tempo.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: t-tempo-config
data:
  tempo.yaml: |
    memberlist:
      join_members: [t-tempo-gossip-ring]
`;
const manifest: RenderedManifest = { exitCode: 0, stderr: '', documents: parseManifest(render) };
const failed: RenderedManifest = { exitCode: 1, stderr: 'Error: template: prometheus/templates/sts.yaml:206:156: statefulSetNameOverride: expected bool', documents: [] };

function run(rule: Record<string, unknown>, options: { manifest?: RenderedManifest; values?: string; set?: string[]; version?: string } = {}): RuleOutcome {
	const parsed = detectionRuleSchema.parse({ id: 'r', title: 'a rule', ...rule });
	const values = [
		...(options.values !== undefined ? [parseValuesText(options.values, 'values.yaml')] : []),
		...parseSetArguments(options.set ?? []).map(({ key, value }) => setSource(key, value)),
	];
	return evaluateRules([parsed], { manifest: options.manifest ?? manifest, values, chartVersion: options.version ?? '1.13.0' })[0]!;
}

const ingesterRule = {
	all: [
		{ documentExists: { kind: 'Service', nameRegex: '-ingester$' } },
		{ hasDocuments: { kind: 'StatefulSet', nameRegex: 'ingester', count: 0 } },
	],
};

describe('detection rules on a render', () => {
	it('all: matches when every condition holds, with the documents as evidence', () => {
		const outcome = run(ingesterRule);
		assert.equal(outcome.matched, true);
		assert.match(outcome.evidence[0]!.found!, /Service\/t-tempo-ingester/);
		assert.equal(outcome.evidence.length, 2);
	});

	it('all: does not match when one condition fails', () => {
		const withIngester: RenderedManifest = {
			...manifest,
			documents: parseManifest(`${render}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: t-tempo-ingester\n`),
		};
		const outcome = run(ingesterRule, { manifest: withIngester });
		assert.equal(outcome.matched, false);
		assert.deepEqual(outcome.evidence, []);
	});

	it('any: matches on one branch and reports only the branches that held', () => {
		const outcome = run({
			any: [
				{ documentExists: 'Deployment/nothing' },
				{ exists: { document: { kind: 'ConfigMap', nameRegex: 'tempo-config$' }, path: 'data["tempo.yaml"] | fromYaml | memberlist.cluster_label', not: true } },
			],
		});
		assert.equal(outcome.matched, true);
		assert.equal(outcome.evidence.length, 1);
		assert.equal(outcome.evidence[0]!.document, 'ConfigMap/t-tempo-config');
		assert.match(outcome.evidence[0]!.found!, /no key "cluster_label"/);
	});

	it('a negated assertion on a document that is not there does not hold (undecided is never a match)', () => {
		const outcome = run({ all: [{ exists: { document: { kind: 'Secret', nameRegex: 'tempo-config$' }, path: 'data', not: true } }] });
		assert.equal(outcome.matched, false);
	});

	it('a failed render matches only failedTemplate conditions', () => {
		assert.equal(run({ all: [{ failedTemplate: { errorMessage: 'statefulSetNameOverride' } }] }, { manifest: failed }).matched, true);
		assert.equal(run({ all: [{ documentExists: { document: 'StatefulSet/x', not: true } }] }, { manifest: failed }).matched, false);
		assert.equal(run({ all: [{ failedTemplate: { errorMessage: 'statefulSetNameOverride' } }] }).matched, false);
	});
});

describe('detection rules on values and chart versions', () => {
	const values = '# mine\ngossipRing:\n  service:\n    annotations:\n      a: b\nsidecar:\n  rules:\n    enabled: false\n';

	it('values: a set path matches, with the file and line that set it', () => {
		const outcome = run({ all: [{ values: { path: 'gossipRing.service.annotations' } }] }, { values });
		assert.equal(outcome.matched, true);
		assert.deepEqual(
			{ file: outcome.evidence[0]!.file, line: outcome.evidence[0]!.line, found: outcome.evidence[0]!.found },
			{ file: 'values.yaml', line: 4, found: 'a: b' },
		);
	});

	it('values: an unset path does not match; with not: true it does', () => {
		assert.equal(run({ all: [{ values: { path: 'memberlist.service.annotations' } }] }, { values }).matched, false);
		assert.equal(run({ all: [{ values: { path: 'memberlist.service.annotations', not: true } }] }, { values }).matched, true);
	});

	it('values: equals compares the merged value, and the last source wins', () => {
		const off = { all: [{ values: { path: 'sidecar.rules.enabled', equals: false } }] };
		assert.equal(run(off, { values }).matched, true);
		const outcome = run(off, { values: 'sidecar: {rules: {enabled: true}}\n', set: ['sidecar.rules.enabled=false'] });
		assert.equal(outcome.matched, true);
		assert.equal(outcome.evidence[0]!.document, '--set sidecar.rules.enabled');
		assert.equal(run(off, { values, set: ['sidecar.rules.enabled=true'] }).matched, false);
	});

	it('chartVersion: a semver range on the rendered version', () => {
		const early = { all: [{ values: { path: 'gossipRing' } }, { chartVersion: '<1.21.1' }] };
		assert.equal(run(early, { values, version: '1.21.0' }).matched, true);
		assert.equal(run(early, { values, version: '1.21.1' }).matched, false);
	});
});

describe('values as helm reads them', () => {
	it('--set: types, commas and escapes', () => {
		assert.deepEqual(parseSetArguments(['a.b=2,c=true', 'd=x\\,y', 'e=01']), [
			{ key: 'a.b', value: 2 },
			{ key: 'c', value: true },
			{ key: 'd', value: 'x,y' },
			{ key: 'e', value: '01' },
		]);
		assert.throws(() => parseSetArguments(['novalue']), /expected key=value/);
		assert.deepEqual(setKeyPath('a\\.b.c[1]'), ['a.b', 'c', 1]);
	});

	it('merge: mappings merge, null removes, scalars replace', () => {
		const merged = mergeValues([
			parseValuesText('a: {b: 1, c: 2}\nd: [1]\n', 'one.yaml'),
			parseValuesText('a: {c: null, e: 3}\nd: [2]\n', 'two.yaml'),
		]);
		assert.deepEqual(merged, { a: { b: 1, e: 3 }, d: [2] });
	});

	it('a values file that is not a mapping, or not YAML, names the file and line', () => {
		assert.throws(() => parseValuesText('- a\n- b\n', 'list.yaml'), (error: Error & { file?: string; line?: number }) => error.file === 'list.yaml' && error.line === 1);
		assert.throws(
			() => parseValuesText('a: 1\nb: "unclosed\nc: 2\n', 'bad.yaml'),
			(error: Error & { file?: string; line?: number }) => error.file === 'bad.yaml' && error.line === 2,
		);
	});
});

describe('the detect schema', () => {
	it('accepts the vocabulary and rejects an unknown condition with its kinds listed', () => {
		const parsed = detectSchema.safeParse({ rules: [{ id: 'x', title: 't', all: [{ notAKind: {} }] }] });
		assert.equal(parsed.success, false);
		assert.ok(detectSchema.safeParse({ rules: [{ id: 'x', title: 't', any: [{ all: [{ chartVersion: '<2.0.0' }] }] }] }).success);
	});

	it('needs exactly one of all and any', () => {
		assert.equal(detectionRuleSchema.safeParse({ id: 'x', title: 't' }).success, false);
		assert.equal(detectionRuleSchema.safeParse({ id: 'x', title: 't', all: [{ chartVersion: '1.x' }], any: [{ chartVersion: '1.x' }] }).success, false);
	});
});

describe('published rules', () => {
	it('are the written form: parsing them again gives the same rules', async () => {
		const { publishedDetect } = await import('../../src/lib/check/publish.ts');
		const detect = detectSchema.parse({
			rules: [
				{ id: 'a', title: 'A', all: [{ documentExists: 'Service/x' }, { values: { path: 'p', equals: false, not: true } }] },
				{ id: 'b', title: 'B', any: [{ all: [{ chartVersion: '<2.0.0' }, { exists: { document: 'ConfigMap/c', path: 'data', not: true } }] }] },
			],
			examples: { applies: ['some-check'] },
		});
		const published = publishedDetect(detect, { repository: 'grafana', name: 'tempo-distributed' });
		assert.deepEqual(published.charts, [{ repository: 'grafana', name: 'tempo-distributed' }]);
		assert.equal('examples' in published, false);
		assert.deepEqual(detectSchema.parse({ rules: published.rules }).rules, detect.rules);
		assert.deepEqual(published.rules[0], {
			id: 'a',
			title: 'A',
			all: [{ documentExists: { document: 'Service/x' } }, { values: { path: 'p', equals: false, not: true } }],
		});
	});
});
