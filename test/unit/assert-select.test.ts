import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { describeSelector, matchesSelector, selectDocuments, sourceMatches } from '../../src/lib/assert/select.ts';
import { CasebookError } from '../../src/lib/errors.ts';
import { parseManifest } from '../../src/lib/render/documents.ts';

const read = (name: string) => readFileSync(new URL(`../fixtures/renders/${name}`, import.meta.url), 'utf8');
const documents = [
	...parseManifest(read('tempo-distributed-1.40.0-default.yaml')),
	...parseManifest(read('tempo-distributed-1.40.0-secret.yaml')),
];
const names = (selected: { kind: string; name: string }[]) => selected.map((d) => `${d.kind}/${d.name}`);

describe('selectDocuments', () => {
	it('takes "Kind/name" exactly', () => {
		assert.deepEqual(names(selectDocuments(documents, 'StatefulSet/t-tempo-ingester')), ['StatefulSet/t-tempo-ingester']);
		assert.deepEqual(selectDocuments(documents, 'StatefulSet/t-tempo'), []);
		assert.deepEqual(selectDocuments(documents, 'statefulset/t-tempo-ingester'), []);
	});

	it('narrows by kind, nameRegex and namespace', () => {
		assert.deepEqual(names(selectDocuments(documents, { kind: 'ConfigMap' })), [
			'ConfigMap/t-tempo-runtime',
			'ConfigMap/t-tempo-config',
			'ConfigMap/extra-settings',
		]);
		assert.deepEqual(names(selectDocuments(documents, { kind: 'ConfigMap', nameRegex: '^t-tempo-' })), [
			'ConfigMap/t-tempo-runtime',
			'ConfigMap/t-tempo-config',
		]);
		assert.deepEqual(names(selectDocuments(documents, { kind: 'Secret', namespace: 'tracing' })), ['Secret/t-tempo-config']);
		assert.deepEqual(selectDocuments(documents, { kind: 'Secret', namespace: 'ns' }), []);
	});

	it('matches source by full path or by a suffix after a slash', () => {
		assert.deepEqual(names(selectDocuments(documents, { kind: 'ConfigMap', source: 'templates/extra-manifests.yaml' })), [
			'ConfigMap/extra-settings',
		]);
		assert.deepEqual(
			names(selectDocuments(documents, { kind: 'ConfigMap', source: 'tempo-distributed/templates/configmap-tempo.yaml' })),
			['ConfigMap/t-tempo-config'],
		);
		assert.equal(sourceMatches('tempo-distributed/templates/extra-manifests.yaml', 'manifests.yaml'), false);
		assert.equal(sourceMatches('tempo-distributed/templates/extra-manifests.yaml', 'extra-manifests.yaml'), true);
		assert.equal(sourceMatches(undefined, 'extra-manifests.yaml'), false);
	});

	it('rejects an invalid nameRegex with a CasebookError', () => {
		assert.throws(() => selectDocuments(documents, { kind: 'ConfigMap', nameRegex: '(' }), CasebookError);
	});

	it('matchesSelector tests one document', () => {
		const statefulSet = documents.find((d) => d.kind === 'StatefulSet')!;
		assert.equal(matchesSelector('StatefulSet/t-tempo-ingester', statefulSet), true);
		assert.equal(matchesSelector({ kind: 'StatefulSet', source: 'service-ingester.yaml' }, statefulSet), false);
	});
});

describe('describeSelector', () => {
	it('reads like the selector', () => {
		assert.equal(describeSelector('StatefulSet/t-tempo-ingester'), 'StatefulSet/t-tempo-ingester');
		assert.equal(describeSelector({ kind: 'ConfigMap', name: 'x' }), 'ConfigMap/x');
		assert.equal(
			describeSelector({ kind: 'ConfigMap', nameRegex: '^t-', source: 'templates/x.yaml' }),
			'ConfigMap [name matching /^t-/, source templates/x.yaml]',
		);
		assert.equal(describeSelector({}), 'all documents');
		assert.equal(describeSelector({ source: 'templates/x.yaml' }), 'documents with source templates/x.yaml');
	});
});
