import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { caseSchema, type Case } from '../../src/lib/case/schema.ts';
import { reportSchema } from '../../src/lib/report/schema.ts';
import { caseSummary, casesApi, sortCases, type CaseSummary } from '../../src/lib/site/api.ts';
import { dayOf, helmVersionLabel } from '../../src/lib/site/case-facts.ts';
import { aliasRedirects, permalinkRedirects } from '../../src/lib/site/redirects.ts';
import { snippetContentType, splitSnippetFileName } from '../../src/lib/site/snippets.ts';

const report = reportSchema.parse(
	JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/site/report.json'), 'utf8')),
);
const caseReport = report.cases[0]!;

const declared: Case = caseSchema.parse({
	id: 'tempo-ingester-statefulset-missing',
	product: 'tempo',
	component: 'ingester',
	chart: { repository: 'grafana', name: 'tempo-distributed' },
	affected: '>=1.13.0 <1.13.2',
	fixedIn: '1.13.2',
	status: 'Fixed in 1.13.2',
	namespace: 'tracing',
	matrix: [{ versions: '>=1.10.0 <1.16.0', expect: [{ documentExists: 'StatefulSet/t-tempo-ingester' }] }],
	checks: [
		{ id: 'broken-default', title: 'x', versions: ['1.13.0'], expect: [{ documentExists: 'Service/t-tempo-ingester' }] },
	],
});

const source = {
	slug: 'tempo/ingester-statefulset-missing',
	title: 'tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet',
	case: declared,
	report: caseReport,
};

describe('caseSummary', () => {
	it('joins the declaration with the computed report, paths under the base', () => {
		const summary = caseSummary(source, '/kb/');
		assert.deepEqual(summary, {
			id: 'tempo-ingester-statefulset-missing',
			title: 'tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet',
			url: '/kb/tempo/ingester-statefulset-missing/',
			permalink: '/kb/cases/tempo-ingester-statefulset-missing/',
			product: 'tempo',
			component: 'ingester',
			chart: { repository: 'grafana', name: 'tempo-distributed' },
			affected: ['1.13.0', '1.13.1'],
			affectedRange: '>=1.13.0 <1.13.2',
			fixedIn: '1.13.2',
			kinds: ['regression'],
			statusLine: 'Broken in 1.13.0, 1.13.1 · fixed in 1.13.2',
			status: 'Fixed in 1.13.2',
			verification: 'passed',
			verifiedAt: '2025-11-21T09:14:03.902Z',
			helm: ['v3.17.3+ge4da497', 'v4.1.4+g05fa379'],
			checks: [
				{
					id: 'broken-default',
					title: '1.13.0 and 1.13.1 render the ingester Services and PDB but no StatefulSet',
					status: 'passed',
					chartVersions: ['1.13.0', '1.13.1'],
				},
				{
					id: 'no-rollout-operator',
					title: 'Switching rollout-operator off removes its objects but does not bring the ingester back',
					status: 'passed',
					chartVersions: ['1.13.0', '1.13.1'],
				},
			],
		});
	});

	it('carries the detection rules of the report, and none when it has none', () => {
		const detect = { charts: [{ repository: 'grafana', name: 'tempo-distributed' }], rules: [{ id: 'r', title: 'T', all: [{ documentExists: { document: 'Service/x' } }] }] };
		assert.deepEqual(caseSummary({ ...source, report: { ...caseReport, detect } }, '/').detect, detect);
		assert.equal('detect' in caseSummary(source, '/'), false);
	});

	it('refuses a report entry of another case', () => {
		assert.throws(() => caseSummary({ ...source, case: { ...declared, id: 'other' } }, '/'), /other/);
	});
});

describe('casesApi', () => {
	it('lists cases in product order, then by title, with the report header', () => {
		const base = caseSummary(source, '/');
		const make = (id: string, product: string, title: string): CaseSummary => ({ ...base, id, product, title });
		const api = casesApi([make('p', 'prometheus', 'A'), make('l', 'loki', 'B'), make('t2', 'tempo', 'b'), make('t1', 'tempo', 'a')], report);
		assert.equal(api.apiVersion, 3);
		assert.equal(api.generatedAt, report.generatedAt);
		assert.deepEqual(api.helm, ['v3.17.3+ge4da497', 'v4.1.4+g05fa379']);
		assert.deepEqual(
			api.cases.map((c) => c.id),
			['t1', 't2', 'l', 'p'],
		);
		assert.deepEqual(sortCases([]), []);
	});

	it('survives a JSON round trip unchanged', () => {
		const api = casesApi([caseSummary(source, '/')], report);
		assert.deepEqual(JSON.parse(JSON.stringify(api)), api);
	});
});

describe('labels', () => {
	it('shortens helm versions and timestamps', () => {
		assert.equal(helmVersionLabel('v3.17.3+ge4da497'), '3.17.3');
		assert.equal(helmVersionLabel('4.1.4'), '4.1.4');
		assert.equal(dayOf('2025-11-21T09:14:03.902Z'), '2025-11-21');
	});

	it('serves YAML snippets as YAML and the rest as text', () => {
		assert.equal(snippetContentType('fix.yaml'), 'text/yaml; charset=utf-8');
		assert.equal(snippetContentType('fix.YML'), 'text/yaml; charset=utf-8');
		assert.equal(snippetContentType('get.sh'), 'text/plain; charset=utf-8');
	});

	it('splits snippet file names into route id and extension', () => {
		assert.deepEqual(splitSnippetFileName('restore-ingester.yaml'), { id: 'restore-ingester', extension: 'yaml' });
		assert.deepEqual(splitSnippetFileName('get.sh'), { id: 'get', extension: 'sh' });
		assert.equal(splitSnippetFileName('values.json'), undefined);
		assert.equal(splitSnippetFileName('no-extension'), undefined);
	});
});

describe('redirects', () => {
	const cases = [
		{ id: 'tempo-x', slug: 'tempo/x', aliases: ['tempo/old-x', '/tempo/older-x/'] },
		{ id: 'loki-y', slug: 'loki/y', aliases: [] },
	];

	it('gives every case a permalink to its article', () => {
		assert.deepEqual(permalinkRedirects(cases, '/kb/'), [
			{ from: 'cases/tempo-x', to: '/kb/tempo/x/', caseId: 'tempo-x', kind: 'permalink' },
			{ from: 'cases/loki-y', to: '/kb/loki/y/', caseId: 'loki-y', kind: 'permalink' },
		]);
	});

	it('redirects each alias to the current article', () => {
		assert.deepEqual(aliasRedirects(cases, '/', ['tempo/x', 'loki/y', '']), [
			{ from: 'tempo/old-x', to: '/tempo/x/', caseId: 'tempo-x', kind: 'alias' },
			{ from: 'tempo/older-x', to: '/tempo/x/', caseId: 'tempo-x', kind: 'alias' },
		]);
	});

	it('rejects aliases that shadow a page, a permalink or another alias', () => {
		const withAlias = (alias: string) => [{ id: 'a', slug: 'tempo/a', aliases: [alias], file: 'content/docs/tempo/a.mdx' }];
		assert.throws(() => aliasRedirects(withAlias('loki/y'), '/', ['loki/y']), /collides with the page "loki\/y"/);
		assert.throws(() => aliasRedirects(withAlias('cases/b'), '/', []), /permalinks/);
		assert.throws(
			() => aliasRedirects([...withAlias('tempo/old'), { id: 'b', slug: 'tempo/b', aliases: ['tempo/old/'] }], '/', []),
			/alias "tempo\/old" of case "a"/,
		);
	});
});
