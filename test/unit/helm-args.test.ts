import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { reproduceCommand, shellQuote, templateArgs } from '../../src/lib/helm/args.ts';
import type { RenderRequest } from '../../src/lib/render/types.ts';

function request(overrides: Partial<RenderRequest> = {}): RenderRequest {
	return {
		helm: { major: '3', path: '/cache/helm', version: 'v3.17.3+ge4da497', sha256: 'x', source: 'test' },
		chart: {
			repository: 'grafana',
			repositoryUrl: 'https://grafana.github.io/helm-charts',
			name: 'tempo-distributed',
			version: '1.13.2',
			digest: 'd',
			archivePath: '/mirror/grafana/tempo-distributed-1.13.2.tgz',
			origin: 'mirror',
		},
		release: 't',
		namespace: 'tracing',
		kubeVersion: '1.32.0',
		valuesFiles: [
			{ name: 'restore-ingester.yaml', content: 'ingester: {}\n' },
			{ name: 'extra.yaml', content: '{}\n' },
		],
		set: { 'ingester.replicas': 3, 'global.flag': true, 'ingest.kafka.address': 'kafka:9092', 'a.b': 'true' },
		showOnly: ['templates/ingester/statefulset-ingester.yaml'],
		timeoutMs: 1000,
		...overrides,
	};
}

describe('templateArgs', () => {
	it('builds the helm template command line in a fixed order, keeping key order', () => {
		assert.deepEqual(templateArgs(request(), ['restore-ingester.yaml', 'extra.yaml']), [
			'template',
			't',
			'/mirror/grafana/tempo-distributed-1.13.2.tgz',
			'--namespace',
			'tracing',
			'--kube-version',
			'1.32.0',
			'-f',
			'restore-ingester.yaml',
			'-f',
			'extra.yaml',
			'--set',
			'ingester.replicas=3',
			'--set',
			'global.flag=true',
			'--set-string',
			'ingest.kafka.address=kafka:9092',
			'--set-string',
			'a.b=true',
			'--show-only',
			'templates/ingester/statefulset-ingester.yaml',
		]);
	});

	it('omits --kube-version when none is given, and empty lists', () => {
		const args = templateArgs(request({ kubeVersion: undefined, set: {}, showOnly: [] }), []);
		assert.deepEqual(args, ['template', 't', '/mirror/grafana/tempo-distributed-1.13.2.tgz', '--namespace', 'tracing']);
	});

	it('escapes commas and backslashes in string values so helm sees one value', () => {
		const args = templateArgs(request({ set: { 'x.list': 'a,b', path: 'c:\\d' } }), []);
		assert.deepEqual(args.slice(-6, -2), ['--set-string', 'x.list=a\\,b', '--set-string', 'path=c:\\\\d']);
	});
});

describe('shellQuote', () => {
	it('leaves plain words alone', () => {
		for (const word of ['helm', 'tempo-distributed', 'ingester.replicas=3', 'https://grafana.github.io/helm-charts', 'kafka:9092', 'a,b'])
			assert.equal(shellQuote(word), word);
	});

	it('single-quotes anything a shell would change', () => {
		assert.equal(shellQuote(''), "''");
		assert.equal(shellQuote('a b'), "'a b'");
		assert.equal(shellQuote('$HOME'), "'$HOME'");
		assert.equal(shellQuote("it's"), "'it'\\''s'");
		assert.equal(shellQuote('{a,b}'), "'{a,b}'");
		assert.equal(shellQuote('~/x'), "'~/x'");
		assert.equal(shellQuote('a\\,b'), "'a\\,b'");
	});

	it('round-trips through a real POSIX shell', () => {
		const words = ['plain', '', 'a b', "it's", '$(echo no)', '`x`', '"q"', 'tab\there', 'line\nbreak', '*', '\\', '!x'];
		const output = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
		assert.deepEqual(output.split('\0').slice(0, -1), words);
	});
});

describe('reproduceCommand', () => {
	it('adds the official repository and renders from it with the same options', () => {
		const { setup, command } = reproduceCommand(request());
		assert.deepEqual(setup, [
			'helm repo add grafana https://grafana.github.io/helm-charts',
			'helm repo update grafana',
		]);
		assert.equal(
			command,
			'helm template t grafana/tempo-distributed --version 1.13.2 --namespace tracing --kube-version 1.32.0' +
				' -f restore-ingester.yaml -f extra.yaml --set ingester.replicas=3 --set global.flag=true' +
				' --set-string ingest.kafka.address=kafka:9092 --set-string a.b=true' +
				' --show-only templates/ingester/statefulset-ingester.yaml',
		);
	});

	it('uses the alias given and quotes values that need it', () => {
		const { setup, command } = reproduceCommand(
			request({ kubeVersion: undefined, valuesFiles: [], showOnly: [], set: { 'podAnnotations.note': "it's here" } }),
			{ repoAlias: 'gr' },
		);
		assert.equal(setup[0], 'helm repo add gr https://grafana.github.io/helm-charts');
		assert.equal(
			command,
			"helm template t gr/tempo-distributed --version 1.13.2 --namespace tracing --set-string 'podAnnotations.note=it'\\''s here'",
		);
	});
});
