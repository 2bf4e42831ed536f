import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDefinitePath, matchesOf, PathError, queryPath } from '../../src/lib/assert/path.ts';
import { parseManifest } from '../../src/lib/render/documents.ts';

const fixture = (name: string) =>
	parseManifest(readFileSync(new URL(`../fixtures/renders/${name}`, import.meta.url), 'utf8'));
const rendered = fixture('tempo-distributed-1.40.0-default.yaml');
const configMap = rendered.find((d) => d.name === 't-tempo-config')!.object;
const statefulSet = rendered.find((d) => d.kind === 'StatefulSet')!.object;
const withSecret = fixture('tempo-distributed-1.40.0-secret.yaml');
const secret = withSecret.find((d) => d.kind === 'Secret')!.object;
const extra = withSecret.find((d) => d.name === 'extra-settings')!.object;

describe('definite paths', () => {
	it('read one value, with or without $.', () => {
		assert.deepEqual(queryPath(statefulSet, 'spec.replicas'), {
			definite: true,
			found: true,
			value: 3,
			location: 'spec.replicas',
		});
		assert.equal((queryPath(statefulSet, '$.spec.replicas') as { value: unknown }).value, 3);
		assert.equal((queryPath(statefulSet, '$') as { value: unknown }).value, statefulSet);
	});

	it('take quoted keys with dots and slashes, in single or double quotes', () => {
		const checksum = queryPath(statefulSet, 'spec.template.metadata.annotations["checksum/config"]');
		assert.equal(checksum.definite && checksum.found && checksum.value, '7ac3cea3de4446148f8c43f1b54c1e3d01e1fc12d44b21de55aa51866e08ddf4');
		const component = queryPath(statefulSet, "spec.selector.matchLabels['app.kubernetes.io/component']");
		assert.deepEqual(component, {
			definite: true,
			found: true,
			value: 'ingester',
			location: 'spec.selector.matchLabels["app.kubernetes.io/component"]',
		});
	});

	it('index sequences with [n] or .n', () => {
		const path = 'spec.template.spec.containers[0].args[1]';
		assert.equal((queryPath(statefulSet, path) as { value: unknown }).value, '-config.file=/conf/tempo.yaml');
		assert.equal((queryPath(statefulSet, 'spec.template.spec.containers.0.name') as { value: unknown }).value, 'ingester');
	});

	it('say where the walk stopped when the value is missing', () => {
		assert.deepEqual(queryPath(statefulSet, 'spec.replica'), {
			definite: true,
			found: false,
			reason: 'spec has no key "replica"',
		});
		assert.deepEqual(queryPath(statefulSet, 'spec.template.spec.containers[3]'), {
			definite: true,
			found: false,
			reason: 'spec.template.spec.containers has 1 item, so there is no index 3',
		});
		assert.deepEqual(queryPath(statefulSet, 'spec.replicas.count'), {
			definite: true,
			found: false,
			reason: 'spec.replicas is an integer, so it has no key "count"',
		});
		assert.deepEqual(queryPath(statefulSet, 'nope'), { definite: true, found: false, reason: 'the document has no key "nope"' });
	});

	it('count a present null as found and do not read array properties such as length', () => {
		assert.deepEqual(queryPath({ a: null }, 'a'), { definite: true, found: true, value: null, location: 'a' });
		assert.equal((queryPath({ a: [1, 2] }, 'a.length') as { found: boolean }).found, false);
	});
});

describe('indefinite paths', () => {
	it('are recognised by wildcards, recursive descent, filters, unions and slices', () => {
		for (const path of ['a.*', 'a[*]', 'a..b', "a[?(@.name=='x')]", "a['x','y']", 'a[0,1]', 'a[0:2]', '$..name']) {
			assert.equal(isDefinitePath(path), false, path);
		}
		for (const path of ['a.b', "a['*']", 'a["x.y"].z', 'a[0]', '$', 'data["x"] | fromYaml | a.b']) {
			assert.equal(isDefinitePath(path), true, path);
		}
		assert.equal(isDefinitePath('data[*] | fromYaml | a'), false);
	});

	it('return every match with its location', () => {
		const result = queryPath(statefulSet, 'spec.template.spec.containers[*].volumeMounts[*].name');
		assert.deepEqual(result, {
			definite: false,
			matches: [
				{ value: 'config', location: 'spec.template.spec.containers[0].volumeMounts[0].name' },
				{ value: 'runtime-config', location: 'spec.template.spec.containers[0].volumeMounts[1].name' },
				{ value: 'data', location: 'spec.template.spec.containers[0].volumeMounts[2].name' },
			],
		});
	});

	it('filter containers by name', () => {
		const result = queryPath(statefulSet, "spec.template.spec.containers[?(@.name=='ingester')].args");
		assert.deepEqual(matchesOf(result), [
			{
				value: ['-target=ingester', '-config.file=/conf/tempo.yaml', '-mem-ballast-size-mbs=1024'],
				location: 'spec.template.spec.containers[0].args',
			},
		]);
		assert.deepEqual(queryPath(statefulSet, "spec.template.spec.containers[?(@.name=='querier')].args"), {
			definite: false,
			matches: [],
		});
	});
});

describe('pipes into embedded documents', () => {
	it('fromYaml reads a ConfigMap key', () => {
		const result = queryPath(configMap, 'data["tempo.yaml"] | fromYaml | memberlist.cluster_label');
		assert.deepEqual(result, {
			definite: true,
			found: true,
			value: 't.ns',
			location: 'data["tempo.yaml"] | fromYaml | memberlist.cluster_label',
		});
		const ports = queryPath(configMap, "data['tempo.yaml'] | fromYaml | memberlist.join_members[0]");
		assert.equal((ports as { value: unknown }).value, 'dns+t-tempo-gossip-ring:7946');
	});

	it('b64dec then fromYaml reads a Secret key', () => {
		const result = queryPath(secret, 'data["tempo.yaml"] | b64dec | fromYaml | server.http_listen_port');
		assert.equal((result as { value: unknown }).value, 3100);
		const raw = queryPath(secret, 'data["tempo-query.yaml"] | b64dec');
		assert.equal((raw as { value: unknown }).value, 'backend: 127.0.0.1:3100\n');
	});

	it('fromJson reads a JSON value, and an indefinite path continues inside', () => {
		const result = queryPath(extra, 'data["settings.json"] | fromJson | tenants[*]');
		assert.deepEqual(
			matchesOf(result).map((m) => [m.value, m.location]),
			[
				['a', 'data["settings.json"] | fromJson | tenants[0]'],
				['b', 'data["settings.json"] | fromJson | tenants[1]'],
			],
		);
	});

	it('a missing key before a decoder is missing, not an error', () => {
		assert.deepEqual(queryPath(configMap, 'data.nope | fromYaml | a'), {
			definite: true,
			found: false,
			reason: 'data has no key "nope"',
		});
		assert.deepEqual(queryPath(configMap, 'data["tempo.yaml"] | fromYaml | memberlist.nope'), {
			definite: true,
			found: false,
			reason: 'data["tempo.yaml"] | fromYaml | memberlist has no key "nope"',
		});
	});

	it('a decoder on a non-string is an error that says what it found', () => {
		assert.throws(() => queryPath(configMap, 'data | fromYaml'), {
			name: 'PathError',
			message: 'fromYaml needs a string, but data is a mapping',
		});
		assert.throws(() => queryPath(statefulSet, 'spec.replicas | b64dec'), /b64dec needs a string, but spec.replicas is an integer/);
	});

	it('decode errors say which decoder and where', () => {
		assert.throws(() => queryPath({ a: 'x: [1' }, 'a | fromYaml'), /^PathError: fromYaml: a is not valid YAML: .*line 1/);
		assert.throws(() => queryPath({ a: '{"x": ' }, 'a | fromJson'), /fromJson: a is not valid JSON/);
		assert.throws(() => queryPath({ a: 'not base64!' }, 'a | b64dec'), /b64dec: a is not valid base64/);
		assert.throws(() => queryPath({ a: '/w==' }, 'a | b64dec'), /not UTF-8 text/);
	});
});

describe('malformed paths', () => {
	it('are PathErrors with a clear message', () => {
		assert.throws(() => queryPath({}, 'a..'), PathError);
		assert.throws(() => queryPath({}, 'a | b'), /expected a decoder \(fromYaml, fromJson, b64dec\) after "\|", found "b"/);
		assert.throws(() => queryPath({}, 'a[-1]'), /negative index \[-1\] is not supported; use a slice such as \[-1:\]/);
		assert.throws(() => queryPath({}, "a['x"), /unterminated ' quote/);
		assert.throws(() => queryPath({}, 'a[0'), /"\[" without its "\]"/);
		assert.throws(() => queryPath({}, 'a | | fromYaml'), /empty step/);
	});

	it('a filter with || is not split as a pipe', () => {
		const object = { items: [{ a: 1 }, { b: 2 }, { c: 3 }] };
		const result = queryPath(object, 'items[?(@.a==1 || @.b==2)]');
		assert.deepEqual(matchesOf(result).map((m) => m.location), ['items[0]', 'items[1]']);
	});
});
