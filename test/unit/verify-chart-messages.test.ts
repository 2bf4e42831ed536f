import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import type { HelmBinary } from '../../src/lib/render/types.ts';
import { formatFailure } from '../../src/lib/verify/failures.ts';
import { prepareVerification } from '../../src/lib/verify/run.ts';
import { createFixtureMirror, type FixtureMirror } from '../helpers/charts.ts';
import { validCase, type CaseEdit } from '../helpers/project.ts';

/**
 * Chart problems found while resolving versions, before any render: each points at the line of
 * the article that asked for the chart or the version, and says what there is instead.
 */

let scratch: string;
let mirror: FixtureMirror;
let counter = 0;
// Never run: every problem here is found before rendering.
const helm: HelmBinary = { major: '3', path: '/nonexistent/helm', version: 'v3.17.3', sha256: 'x', source: 'test' };

before(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'casebook-chart-messages-'));
	mirror = await createFixtureMirror(join(scratch, 'mirror'), ['0.1.0', '0.2.0', '0.3.0'], { wrongDigest: ['0.2.0'] });
});
after(async () => {
	await rm(scratch, { recursive: true, force: true });
});

/** The valid fixture on the demo chart of the fixture mirror, edited by `edit`. */
async function problemsOf(edit: CaseEdit): Promise<string[]> {
	const root = join(scratch, `project-${counter++}`);
	const files = await validCase({
		mdx: (text) => (edit.mdx ?? String)(text.replace('chart: { repository: grafana, name: tempo-distributed }', 'chart: { repository: fixture, name: demo }')),
		checks: (text) =>
			(edit.checks ?? String)(text.replace("versions: '>=1.12.0 <1.14.0'", "versions: '>=0.1.0'").replace('versions: [1.13.0]', 'versions: [0.1.0]')),
	});
	for (const [name, text] of Object.entries(files)) {
		const path = join(root, 'content/docs', name);
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, text);
	}
	const config = loadConfig(root, { CASEBOOK_CHARTS: mirror.root, CASEBOOK_CACHE: join(root, 'cache'), CASEBOOK_OFFLINE: '1' });
	const { prepared, failures } = await prepareVerification({ config, helms: [helm] });
	assert.equal(prepared, undefined);
	return failures.map(formatFailure);
}

describe('chart problems in an article', () => {
	it('an unknown repository points at the case\'s chart line and lists the known repositories', async () => {
		const [problem] = await problemsOf({ mdx: (a) => a.replace('repository: fixture,', 'repository: nope,') });
		assert.match(problem!, /^content\/docs\/valid\.mdx:7: unknown chart repository "nope"/);
		assert.match(problem!, /expected: one of fixture\n/);
	});

	it('an unknown chart points at the case\'s chart line and lists the charts of the repository', async () => {
		const [problem] = await problemsOf({ mdx: (a) => a.replace('name: demo', 'name: dmeo') });
		assert.equal(
			problem,
			'content/docs/valid.mdx:7: chart repository "fixture" has no chart "dmeo"\n    expected: one of demo\n    found:    dmeo',
		);
	});

	it('a check\'s own unknown chart points at that check\'s chart line', async () => {
		const [problem] = await problemsOf({
			checks: (a) => a.replace('    versions: [0.1.0]', '    chart: { repository: fixture, name: other }\n    versions: [0.1.0]'),
		});
		assert.match(problem!, /^content\/docs\/valid\.checks\.yaml:10: chart repository "fixture" has no chart "other"/);
	});

	it('a digest mismatch names the article line and the check that needs the archive', async () => {
		const [problem] = await problemsOf({
			checks: (a) => a.replace("versions: '>=0.1.0'", "versions: '>=0.3.0'").replace('versions: [0.1.0]', 'versions: [0.2.0]'),
		});
		const archive = join(mirror.root, 'fixture', 'demo-0.2.0.tgz');
		assert.ok(
			problem!.startsWith(`content/docs/valid.checks.yaml:10: check "fix" needs fixture/demo 0.2.0, but archive digest does not match index `),
			problem,
		);
		assert.ok(problem!.endsWith(`(archive ${archive})`), problem);
	});
});
