import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseReport } from '../../src/lib/report/schema.ts';
import { ROOT_LOCALE, TRANSLATION_LOCALES } from '../../src/lib/i18n/locales.ts';
import { caseChecksFile, caseChecksFragment, caseChecksSummary } from '../../src/lib/site/case-checks.ts';
import { versionListFile, versionListFragment } from '../../src/lib/site/version-fragment.ts';

const entry = (version: string, verdict: CaseReport['matrix'][number]['verdict'], repository = 'grafana') => ({
	repository,
	chart: 'tempo-distributed',
	version,
	verdict,
	digest: 'sha256:x',
});

const matrix = [
	entry('1.12.0', 'not-affected'),
	entry('1.13.0', 'affected'),
	entry('1.13.1', 'affected'),
	entry('1.13.2', 'fixed'),
	entry('2.0.0', 'fixed', 'grafana-community'),
];

const check = (id: string, status: 'passed' | 'skipped', reason?: string) =>
	({ id, title: `Title of ${id} <b>`, status, reason, versions: [{ version: '1.13.0' }, { version: '1.13.1' }], helm: ['v3.17.3', 'v4.1.4'] }) as never;

describe('lists loaded on opening', () => {
	it('name one file per case and language', () => {
		assert.equal(caseChecksFile('x', ROOT_LOCALE), 'verification/x.html');
		assert.equal(versionListFile('x', ROOT_LOCALE), 'versions/x.html');
		assert.equal(versionListFile('x', TRANSLATION_LOCALES[0]!), 'versions/x.zh-cn.html');
	});

	it('list every version of each chart in runs of equal verdicts, in the page language', () => {
		const html = versionListFragment({ matrix }, 'zh-CN');
		assert.match(html, /^<div><dl data-version-list="grafana\/tempo-distributed">/);
		assert.match(html, /<dt data-verdict="affected">1\.13\.0 – 1\.13\.1 · 受影响 · 2 个版本<\/dt><dd>1\.13\.0, 1\.13\.1<\/dd>/);
		assert.match(html, /<dl data-version-list="grafana-community\/tempo-distributed"><dt data-verdict="fixed">2\.0\.0 · 已修复 · 1 个版本<\/dt>/);
	});

	it('list every check as an anchor, its title as text, and count the ones not run apart', () => {
		const report = { checks: [check('a', 'passed'), check('b', 'skipped', 'needs helm 4')] };
		const html = caseChecksFragment(report);
		assert.match(html, /<li id="check-a" data-case-check="a">Title of a &#x3C;b>/);
		assert.match(html, /<li id="check-b" data-case-check="b">.*<strong>\(not run: needs helm 4\)<\/strong>/);
		assert.equal(caseChecksSummary(report), 'How this page is verified: 1 checks passed, 1 not run in this build');
		assert.equal(caseChecksSummary({ checks: [check('a', 'passed')] }), 'How this page is verified: 1 checks, all passed');
	});
});
