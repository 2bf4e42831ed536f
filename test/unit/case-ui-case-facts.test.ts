import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	citation,
	dayOf,
	escapeLinkText,
	helmVersionLabel,
	helmVersionLabels,
	joinWords,
	statusLine,
	summariseVersions,
} from '../../src/lib/site/case-facts.ts';
import { translate } from '../../src/lib/i18n/ui.ts';

describe('Helm versions', () => {
	it('read as plain numbers, distinct and ascending', () => {
		assert.equal(helmVersionLabel('v3.17.3+ge4da497'), '3.17.3');
		assert.equal(helmVersionLabel('4.1.4'), '4.1.4');
		assert.deepEqual(helmVersionLabels(['v4.1.4+g05fa379', 'v3.17.3+ge4da497', 'v3.17.3+ge4da497']), ['3.17.3', '4.1.4']);
	});
});

describe('joinWords', () => {
	it('joins like a sentence', () => {
		assert.equal(joinWords([]), '');
		assert.equal(joinWords(['3.17.3']), '3.17.3');
		assert.equal(joinWords(['3.17.3', '4.1.4']), '3.17.3 and 4.1.4');
		assert.equal(joinWords(['a', 'b', 'c']), 'a, b and c');
	});
});

describe('dayOf', () => {
	it('keeps the UTC day of an ISO timestamp', () => {
		assert.equal(dayOf('2026-11-22T03:40:00.000Z'), '2026-11-22');
		assert.equal(dayOf('2026-11-22'), '2026-11-22');
	});
});

describe('summariseVersions', () => {
	it('lists a few versions and folds many into a span', () => {
		assert.equal(summariseVersions(['1.13.1', '1.13.0']), '1.13.0, 1.13.1');
		assert.equal(summariseVersions(['1.2.0', '1.10.0', '1.9.0', '1.3.0', '1.4.0']), '1.2.0 – 1.10.0 (5 versions)');
	});
});

describe('statusLine', () => {
	it('says, for a regression, what is broken and where the fix is', () => {
		assert.equal(statusLine(['regression'], ['1.13.0', '1.13.1'], '1.13.2'), 'Broken in 1.13.0, 1.13.1 · fixed in 1.13.2');
		assert.equal(statusLine(['regression'], ['2.0.0'], null), 'Broken in 2.0.0 · no fixed release yet');
	});

	it('never says fixed for a transition or a pitfall', () => {
		const transition = statusLine(['transition'], ['1.20.0'], '1.21.0');
		assert.equal(transition, 'Behaviour changes in 1.21.0: upgrades across it need care');
		const pitfall = statusLine(['pitfall'], ['6.29.0'], '6.30.0', ['6.0.0', '6.30.0', '18.11.0']);
		assert.equal(pitfall, 'Pitfall in every version (6.0.0, 6.30.0, 18.11.0)');
		assert.doesNotMatch(transition + pitfall, /fixed/);
	});

	it('spans many versions with their count in the page language, one pair of brackets', () => {
		const many = ['6.0.0', '6.1.0', '6.2.0', '7.0.0', '18.11.0'];
		assert.equal(statusLine(['pitfall'], [], null, many), 'Pitfall in every version (6.0.0 – 18.11.0, 5 versions)');
		assert.equal(statusLine(['pitfall'], [], null, many, 'zh-CN'), '所有版本都存在的陷阱 (6.0.0 – 18.11.0, 5 个版本)');
		assert.equal(statusLine(['regression'], many, '18.12.0', undefined, 'zh-CN').split(' · ')[0], translate('zh-CN', 'casebook.status.brokenIn', { versions: '6.0.0 – 18.11.0 (5 个版本)' }));
	});

	it('says each kind of a case of several kinds', () => {
		assert.equal(
			statusLine(['pitfall', 'regression'], ['22.0.2'], '22.4.1'),
			'Pitfall in every version · Broken in 22.0.2 · fixed in 22.4.1',
		);
	});
});

describe('citation', () => {
	const input = {
		title: 'tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet',
		url: 'https://kb.example/cases/tempo-ingester-statefulset-missing/',
		chart: 'grafana/tempo-distributed',
		status: 'Broken in 1.13.0, 1.13.1 · fixed in 1.13.2',
		helm: ['3.17.3', '4.1.4'],
		day: '2026-11-22',
	};

	it('is one Markdown line with the verification facts', () => {
		assert.equal(
			citation(input),
			'[tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet](https://kb.example/cases/tempo-ingester-statefulset-missing/) — Helm Casebook: Broken in 1.13.0, 1.13.1 · fixed in 1.13.2; verified on grafana/tempo-distributed with Helm 3.17.3 and 4.1.4, 2026-11-22',
		);
	});

	it('escapes brackets in the title and words the status per kind', () => {
		const text = citation({ ...input, title: 'a [b] c', status: 'Pitfall in every version' });
		assert.ok(text.startsWith('[a \\[b\\] c]('));
		assert.match(text, /Helm Casebook: Pitfall in every version; verified/);
		assert.equal(escapeLinkText('x\\y'), 'x\\\\y');
	});
});
