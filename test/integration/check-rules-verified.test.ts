import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { verify } from '../../src/lib/verify/run.ts';
import { publishedCase, replaceOnce, scratchProject, silentProgress } from '../helpers/project.ts';

/**
 * The detection rules are verified like every other claim: a rule that misses one of the case's
 * affected renders, or fires on a fixed one, fails the build at the rule's line in the checks
 * file. Proved on the real ingester case with its rule broken both ways (renders come from the
 * shared cache; only the rule evaluation runs again).
 */
const ARTICLE = 'content/docs/tempo/ingester-statefulset-missing.mdx';
const CHECKS = 'content/docs/tempo/ingester-statefulset-missing.checks.yaml';
const SERVICE = "- documentExists: { kind: Service, nameRegex: '-ingester$' }";
const NO_STATEFULSET = "        - hasDocuments: { kind: StatefulSet, nameRegex: 'ingester', count: 0 }\n";

async function verifyWith(edit: (text: string) => string) {
	const files = await publishedCase(ARTICLE, { checks: edit });
	const lines = files['tempo/ingester-statefulset-missing.checks.yaml']!.split('\n');
	const project = await scratchProject(files);
	try {
		const outcome = await verify({ config: project.config, progress: silentProgress, reportPath: `${project.root}/report.json` });
		return { outcome, lines };
	} finally {
		await project.dispose();
	}
}

describe('verify tests the detection rules on the case’s own renders', () => {
	it('a rule that misses the affected renders fails at detect.rules', async () => {
		// No `$` in the replacement: String.replace would read `$'` as a pattern.
		const { outcome, lines } = await verifyWith(replaceOnce(SERVICE, SERVICE.replace("'-ingester$'", "'-ingestor'")));
		const missed = outcome.failures.filter((f) => f.message.startsWith('no detection rule recognises'));
		const versions = new Set(missed.map((f) => /tempo-distributed@([\d.]+)/.exec(f.message)?.[1]));
		assert.deepEqual([...versions].sort(), ['1.13.0', '1.13.1'], 'the affected matrix versions and the broken-default example');
		for (const failure of missed) {
			assert.equal(failure.file, CHECKS);
			assert.match(lines[failure.line! - 1]!, /^ {2}rules:$/);
		}
		assert.match(formatFailure(missed[0]!), /^content\/docs\/tempo\/ingester-statefulset-missing\.checks\.yaml:\d+: no detection rule recognises grafana\/tempo-distributed@1\.13\.[01] with helm v[34]/);
		assert.ok(missed.some((f) => f.message.includes('check "broken-default"')), 'the example check is tested too');
	});

	it('a rule that fires on fixed renders fails at the rule', async () => {
		const { outcome, lines } = await verifyWith(replaceOnce(NO_STATEFULSET, ''));
		const fired = outcome.failures.filter((f) => f.message.startsWith('detection rule "ingester-service-without-statefulset" fires on'));
		assert.ok(fired.some((f) => f.message.includes('@1.13.2')), 'the first fixed version');
		assert.ok(fired.some((f) => f.message.includes('check "fixed-render"')), 'the doesNotApply example');
		for (const failure of fired) {
			assert.equal(failure.file, CHECKS);
			assert.match(lines[failure.line! - 1]!, /^ {4}- id: ingester-service-without-statefulset$/);
		}
		// restore-ingester (a doesNotApply example) renders 1.13.0 and 1.13.1 with the workaround: the
		// rule without its StatefulSet condition fires there too. The matrix's affected renders never fail.
		assert.ok(fired.some((f) => f.message.includes('check "restore-ingester"')));
		assert.ok(!fired.some((f) => /@1\.13\.[01] .*matrix segment/.test(f.message)), 'never on the affected matrix versions');
	});
});
