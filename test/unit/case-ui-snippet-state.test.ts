import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetState } from '../../src/integrations/casebook-code/snippet-state.ts';
import { caseReportFixture } from './case-ui-fixture.ts';

const report = caseReportFixture();

describe('snippetState', () => {
	it('marks a snippet applied by checks as verified, with a badge line', () => {
		const state = snippetState({ id: 'no-rollout-operator', illustrative: false }, report);
		assert.equal(state.kind, 'verified');
		if (state.kind !== 'verified') return;
		assert.deepEqual(state.checks.map((c) => c.id), ['no-rollout-operator']);
		assert.equal(state.matrix, false);
		assert.equal(state.caseId, 'tempo-ingester-statefulset-missing');
		assert.deepEqual(state.badge, ['tempo-distributed 1.13.0, 1.13.1', 'Helm 3.17.3, 4.1.4', '2026-11-22']);
	});

	it('counts a snippet used only by the version matrix as verified', () => {
		const state = snippetState({ id: 'matrix-values', illustrative: false }, report);
		assert.equal(state.kind, 'verified');
		if (state.kind !== 'verified') return;
		assert.deepEqual(state.checks, []);
		assert.equal(state.matrix, true);
		assert.deepEqual(state.badge, ['version matrix', 'Helm 3.17.3, 4.1.4', '2026-11-22']);
	});

	it('names the repositories in the badge when the checks span more than one', () => {
		const community = structuredClone(report);
		const check = community.checks[1]!;
		community.checks.push({
			...structuredClone(check),
			id: 'community',
			chart: { repository: 'grafana-community', name: 'tempo-distributed' },
			versions: ['2.0.0', '2.1.0'].map((version) => ({ repository: 'grafana-community', name: 'tempo-distributed', version, digest: 'd', origin: 'mirror' as const })),
		});
		community.snippets[1]!.checks.push('community');
		const state = snippetState({ id: 'no-rollout-operator', illustrative: false }, community);
		assert.equal(state.kind, 'verified');
		if (state.kind !== 'verified') return;
		assert.deepEqual(state.badge.slice(0, 2), [
			'grafana/tempo-distributed 1.13.0, 1.13.1',
			'grafana-community/tempo-distributed 2.0.0, 2.1.0',
		]);
	});

	it('labels illustrative blocks, with or without an id', () => {
		assert.deepEqual(snippetState({ id: 'get-statefulsets', illustrative: true }, report), { kind: 'illustrative', id: 'get-statefulsets' });
		assert.deepEqual(snippetState({ illustrative: true }, report), { kind: 'illustrative' });
	});

	it('warns about blocks in a case article that nothing verifies', () => {
		assert.equal(snippetState({ illustrative: false }, report).kind, 'unverified');
		assert.equal(snippetState({ id: 'orphan', illustrative: false }, report).kind, 'unverified');
		assert.equal(snippetState({ id: 'not-in-report', illustrative: false }, report).kind, 'unverified');
	});

	it('does not count a check that was not run as verifying a snippet', () => {
		const skipped = structuredClone(report);
		const check = skipped.checks.find((c) => c.id === 'no-rollout-operator')!;
		Object.assign(check, { status: 'skipped', reason: 'needs helm 4, not configured', helm: [], runs: [], excerpts: [] });
		assert.deepEqual(snippetState({ id: 'no-rollout-operator', illustrative: false }, skipped), {
			kind: 'unverified',
			id: 'no-rollout-operator',
			reason: 'its check was not run in this build (needs helm 4, not configured)',
		});

		// Applied by a check that ran as well: verified by that one, the other listed as not run.
		skipped.checks.push({ ...structuredClone(report.checks[1]!), id: 'ran' });
		skipped.snippets[1]!.checks.push('ran');
		const state = snippetState({ id: 'no-rollout-operator', illustrative: false }, skipped);
		assert.equal(state.kind, 'verified');
		if (state.kind !== 'verified') return;
		assert.deepEqual(state.checks.map((c) => c.id), ['ran']);
		assert.deepEqual(state.notRun.map((c) => c.id), ['no-rollout-operator']);
	});

	it('leaves blocks outside case articles alone, apart from anchors', () => {
		assert.deepEqual(snippetState({ illustrative: false }, undefined), { kind: 'plain' });
		assert.deepEqual(snippetState({ id: 'x', illustrative: false }, undefined), { kind: 'anchor', id: 'x' });
	});
});

describe('snippetState and the bytes shown', () => {
	it('refuses to call a block verified when it shows other text than the snippet that was rendered', () => {
		const snippet = report.snippets.find((s) => s.id === 'no-rollout-operator')!;
		assert.equal(snippetState({ id: snippet.id, illustrative: false, code: snippet.text }, report).kind, 'verified');
		assert.throws(
			() => snippetState({ id: snippet.id, illustrative: false, code: 'rollout_operator:\n  enabled: true\n' }, report),
			/shows other text than the snippet the checks rendered/,
		);
	});
});
