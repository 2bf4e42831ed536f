import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { publishedCase, scratchProject, silentProgress } from '../helpers/project.ts';

/**
 * A real case with its fix broken must fail, naming file and line: the proof that the checks on
 * the published pages can fail at all. Renders share the user cache with the build, so only the
 * mutated renders run helm.
 */
const ARTICLE = 'content/docs/tempo/ingester-statefulset-missing.mdx';
const FIX = 'restore-ingester-statefulset';

describe('mutation: the ingester workaround with its fix broken', async () => {
	// Break the fix the way a careless edit would: the injected workload is no longer a StatefulSet.
	const breakFix = (original: string) => {
		const start = original.indexOf(`id="${FIX}"`);
		assert.ok(start > 0, `the article still has the ${FIX} snippet`);
		const kindLine = original.indexOf('  kind: StatefulSet', start);
		return `${original.slice(0, kindLine)}  kind: Deployment${original.slice(kindLine + '  kind: StatefulSet'.length)}`;
	};
	const files = await publishedCase(ARTICLE, { mdx: breakFix });
	const checksLines = files['tempo/ingester-statefulset-missing.checks.yaml']!.split('\n');
	const project = await scratchProject(files);
	after(project.dispose);

	it('fails the checks that apply the snippet, at the lines of their assertions', async () => {
		const outcome = await verify({ config: project.config, progress: silentProgress });
		assert.ok(outcome.failures.length > 0, 'a broken fix must not verify');
		const restore = outcome.failures.filter((f) => f.message.includes('check "restore-ingester"'));
		assert.ok(restore.length >= 4, 'fails on 1.13.0 and 1.13.1 under both helm majors');
		for (const failure of restore) {
			assert.equal(failure.file, 'content/docs/tempo/ingester-statefulset-missing.checks.yaml');
			assert.match(checksLines[failure.line! - 1]!, /^\s+- \w+/, `line ${failure.line} is an expectation`);
		}
		const first = formatFailure(restore[0]!);
		assert.match(first, /^content\/docs\/tempo\/ingester-statefulset-missing\.checks\.yaml:\d+: check "restore-ingester" failed on grafana\/tempo-distributed@1\.13\.0/);
		assert.match(first, /StatefulSet\/t-tempo-ingester/);
		assert.equal(outcome.report?.status, 'failed');
		assert.ok(
			outcome.failures.every((f) => !f.message.includes('check "broken-default"')),
			'checks that do not apply the snippet still pass',
		);
	});
});
