import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { describeParseErrors, parseLenientYaml, parseManifest } from '../../src/lib/render/documents.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/renders/${name}`, import.meta.url), 'utf8');

describe('parseManifest on a real render', () => {
	const documents = parseManifest(fixture('tempo-distributed-1.40.0-default.yaml'));

	it('keeps every document and drops the comment-only chunk before the first ---', () => {
		assert.deepEqual(
			documents.map((d) => `${d.kind}/${d.name}`),
			[
				'ConfigMap/t-tempo-runtime',
				'ConfigMap/t-tempo-config',
				'Service/t-tempo-ingester-discovery',
				'StatefulSet/t-tempo-ingester',
			],
		);
	});

	it('reads the # Source: comment and the namespace', () => {
		assert.equal(documents[1]!.source, 'tempo-distributed/templates/configmap-tempo.yaml');
		assert.equal(documents[3]!.source, 'tempo-distributed/templates/ingester/statefulset-ingester.yaml');
		assert.equal(documents[1]!.namespace, 'ns');
		assert.equal(documents[3]!.namespace, 'ns');
	});

	it('keeps the original text without the separator', () => {
		const text = documents[0]!.text;
		assert.ok(text.startsWith('# Source: tempo-distributed/templates/configmap-runtime.yaml\napiVersion: v1\n'));
		assert.ok(!text.includes('---'));
		assert.ok(text.endsWith('      null\n'));
	});

	it('parses the content, block scalars included', () => {
		const statefulSet = documents[3]!.object as { spec: { replicas: number } };
		assert.equal(statefulSet.spec.replicas, 3);
		const data = documents[1]!.object.data as Record<string, string>;
		assert.ok(data['tempo.yaml']!.includes("cluster_label: 't.ns'"));
		assert.equal(data['tempo-query.yaml'], 'backend: 127.0.0.1:3100\n');
		assert.equal(documents.filter((d) => d.parseError !== undefined).length, 0);
	});
});

describe('parseManifest on odd documents', () => {
	const documents = parseManifest(fixture('edge-cases.yaml'));
	const byName = (name: string) => documents.find((d) => d.name === name);

	it('drops empty, comment-only and null documents', () => {
		assert.deepEqual(
			documents.map((d) => d.source),
			[
				'demo/templates/trailing-tabs.yaml',
				'demo/templates/tab-indent.yaml',
				'demo/templates/list.yaml',
				'demo/templates/duplicate-key.yaml',
			],
		);
	});

	it('accepts trailing tabs; a tab inside a block scalar is content', () => {
		const document = byName('tabs')!;
		assert.equal(document.parseError, undefined);
		assert.equal(document.kind, 'ConfigMap');
		assert.equal(document.namespace, 'demo');
		assert.deepEqual(document.object.data, { key: 'value', block: 'line one\t\nline two\n' });
	});

	it('keeps a document that does not parse, with kind and name read from the text', () => {
		const document = byName('broken')!;
		assert.equal(document.kind, 'Secret');
		assert.equal(document.namespace, 'demo');
		assert.deepEqual(document.object, {});
		assert.match(document.parseError!, /Tabs are not allowed as indentation at line 8/);
		assert.ok(document.text.includes('\tpassword: c2VjcmV0'));
	});

	it('reports a document that is not a mapping', () => {
		const document = documents[2]!;
		assert.equal(document.kind, '');
		assert.equal(document.name, '');
		assert.equal(document.parseError, 'expected a mapping at the top of the document, found a sequence');
	});

	it('keeps the last of duplicate keys, as go-yaml does', () => {
		assert.deepEqual(byName('dup')!.object.data, { a: '2' });
	});

	it('lists parse errors for a report', () => {
		const lines = describeParseErrors(documents);
		assert.equal(lines.length, 2);
		assert.match(lines[0]!, /^Secret\/broken \(demo\/templates\/tab-indent\.yaml\): Tabs are not allowed/);
		assert.match(lines[1]!, /^\(no kind\)\/\(no name\) \(demo\/templates\/list\.yaml\): expected a mapping/);
	});
});

describe('parseManifest splitting', () => {
	it('handles CRLF, a missing leading ---, --- with content and ... end markers', () => {
		const documents = parseManifest(
			'kind: A\r\nmetadata:\r\n  name: a\r\n--- {kind: B, metadata: {name: b}}\n...\n# ignored\n---\nkind: C\nmetadata: {name: c}\n',
		);
		assert.deepEqual(
			documents.map((d) => `${d.kind}/${d.name}`),
			['A/a', 'B/b', 'C/c'],
		);
		assert.equal(documents[0]!.text, 'kind: A\nmetadata:\n  name: a\n');
	});

	it('does not split on --- inside a line or an indented block', () => {
		const documents = parseManifest('---\nkind: A\nmetadata: {name: a}\ndata:\n  x: |\n    ---\n    y\n');
		assert.equal(documents.length, 1);
		assert.deepEqual(documents[0]!.object.data, { x: '---\ny\n' });
	});

	it('returns nothing for empty output', () => {
		assert.deepEqual(parseManifest(''), []);
		assert.deepEqual(parseManifest('---\n'), []);
	});

	it('resolves merge keys', () => {
		const [document] = parseManifest('kind: A\nmetadata: {name: a}\nbase: &b {x: 1}\nthing:\n  <<: *b\n  y: 2\n');
		assert.deepEqual(document!.object.thing, { x: 1, y: 2 });
	});
});

describe('parseLenientYaml', () => {
	it('parses, and reports errors with their position', () => {
		assert.deepEqual(parseLenientYaml('a: [1, 2]'), { ok: true, value: { a: [1, 2] } });
		assert.deepEqual(parseLenientYaml(''), { ok: true, value: null });
		const bad = parseLenientYaml('a: [1, 2');
		assert.equal(bad.ok, false);
		assert.match((bad as { error: string }).error, /line 1/);
	});
});

describe('parseManifest on documents glued together', () => {
	it('reads kind and name as the full parse does: the last duplicate key wins', async () => {
		const { parseManifest: parse } = await import('../../src/lib/render/documents.ts');
		const glued = [
			'# Source: loki/templates/extra-manifests.yaml',
			'apiVersion: rbac.authorization.k8s.io/v1',
			'kind: Role',
			'metadata:',
			'  name: first',
			'rules: []',
			'kind: RoleBinding',
			'metadata:',
			'  name: second',
			'',
		].join('\n');
		const [document] = parse(glued);
		assert.equal(document!.kind, 'RoleBinding');
		assert.equal(document!.name, 'second');
		assert.equal((document!.object as { kind: string }).kind, 'RoleBinding');
	});
});
