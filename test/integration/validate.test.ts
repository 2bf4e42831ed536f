import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { caseFiles, projectRoot, publishedCase, scratchProject, silentProgress } from '../helpers/project.ts';

/**
 * Strict schema validation on real renders of the real charts: the published snippets render
 * valid Kubernetes under both helm majors, and a snippet that writes an invalid field fails the
 * build at its own line of the article, even though every assertion of its checks still passes.
 */

describe('schema validation: every published snippet renders valid Kubernetes', async () => {
	const project = await scratchProject({});
	after(project.dispose);

	it('has no snippet finding in any check or matrix render of the five cases, Helm 3 and 4', async () => {
		const config = { ...loadConfig(projectRoot), report: join(project.root, 'report.json') };
		const outcome = await verify({ config, progress: silentProgress, reportPath: join(project.root, 'report.json') });
		const snippetFailures = outcome.failures.filter((f) => f.message.includes('would reject'));
		assert.deepEqual(snippetFailures.map(formatFailure), []);
		assert.equal(outcome.verified?.length, 5);
		for (const c of outcome.verified ?? []) {
			// A check that expects helm to fail (failedTemplate) has no documents to validate.
			for (const check of c.checks.filter((check) => check.status !== 'skipped' && check.runs.some((run) => run.exitCode === 0))) {
				assert.ok(check.validation, `${c.id}/${check.id} was validated`);
				// Only a check that misapplies a snippet on purpose (invalidKubernetes: true) may have snippet findings.
				if (check.validation.expectedInvalid) assert.ok(check.validation.findings.length > 0, `${c.id}/${check.id} shows invalid objects`);
				else assert.notEqual(check.validation.status, 'snippet', `${c.id}/${check.id}`);
				assert.equal(check.validation.kubernetes, '1.32');
			}
			assert.ok(c.matrixValidation, `${c.id}: the matrix renders were validated`);
		}
		assert.deepEqual(new Set(outcome.verified?.flatMap((c) => c.helm.map((h) => h[1]))), new Set(['3', '4']));
	});
});

describe('schema validation: the ingester fix with a misspelled StatefulSet field', async () => {
	const ARTICLE = 'content/docs/tempo/ingester-statefulset-missing.mdx';
	const misspell = (original: string) => {
		const start = original.indexOf('id="restore-ingester-statefulset"');
		const at = original.indexOf('      podManagementPolicy: Parallel', start);
		assert.ok(start > 0 && at > start, 'the article still sets podManagementPolicy in its fix');
		return `${original.slice(0, at)}      podManagementPolicyy: Parallel${original.slice(at + '      podManagementPolicy: Parallel'.length)}`;
	};
	const files = await publishedCase(ARTICLE, { mdx: misspell });
	const mdxLines = files['tempo/ingester-statefulset-missing.mdx']!.split('\n');
	const project = await scratchProject(files);
	after(project.dispose);

	it('fails naming the article file and the line of the misspelled field', async () => {
		const outcome = await verify({ config: project.config, progress: silentProgress });
		const found = outcome.failures.filter((f) => f.message.includes('would reject'));
		assert.ok(found.length > 0, `a misspelled field must fail the build; failures: ${outcome.failures.map((f) => f.message).join('; ')}`);
		for (const failure of found) {
			assert.equal(failure.file, ARTICLE);
			assert.match(mdxLines[failure.line! - 1]!, /podManagementPolicyy: Parallel/);
		}
		assert.match(formatFailure(found[0]!), /^content\/docs\/tempo\/ingester-statefulset-missing\.mdx:\d+: snippet "restore-ingester-statefulset" renders an object Kubernetes 1\.32 would reject \(strict\): unknown field spec\.podManagementPolicyy in StatefulSet\/t-tempo-ingester/);
		assert.equal(outcome.report?.status, 'failed');
	});
});

describe('schema validation: the Loki sidecar workaround with a wrong type in the sidecar container', async () => {
	const AT = 'loki/sidecar-wrong-type.mdx';
	const files = await caseFiles(join(projectRoot, 'test/fixtures/validate/loki-sidecar-wrong-type.mdx'), AT);
	const mdxLines = files[AT]!.split('\n');
	const project = await scratchProject(files);
	after(project.dispose);

	it('fails at the line of the sidecar field, though every assertion passes', async () => {
		const outcome = await verify({ config: project.config, progress: silentProgress });
		const check = outcome.verified?.[0]?.checks.find((c) => c.id === 'workaround-adds-sidecar');
		assert.ok(check?.runs.every((run) => (run.assertions ?? []).every((a) => a.passed)), `the assertions alone would pass: ${outcome.failures.map(formatFailure).join('\n')}`);
		// The schema finding is the one and only problem of this case.
		const found = outcome.failures;
		assert.equal(found.length, 1, outcome.failures.map(formatFailure).join('\n'));
		const [failure] = found;
		assert.equal(failure!.file, `content/docs/${AT}`);
		assert.match(mdxLines[failure!.line! - 1]!, /readOnlyRootFilesystem: "true"/);
		assert.match(failure!.message, /wrong type spec\.template\.spec\.containers\[\d\]\.securityContext\.readOnlyRootFilesystem in StatefulSet\/t-loki-ruler/);
		assert.match(failure!.detail!, /expected: a boolean\nfound: {4}a string \("true"\)/);
		assert.equal(check?.validation?.status, 'snippet');
		const source = await readFile(join(projectRoot, 'test/fixtures/validate/loki-sidecar-wrong-type.mdx'), 'utf8');
		assert.ok(source.includes('readOnlyRootFilesystem: "true"'));
	});
});
