import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readReport } from '../../src/lib/site/report.ts';
import { reportFixture } from './case-ui-fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'casebook-site-report-'));
after(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('the site and a report that lacks cases', () => {
	it('refuses to build, naming the cases the report lacks', async () => {
		const path = join(dir, 'report.json');
		await writeFile(path, JSON.stringify({ ...reportFixture(), status: 'incomplete', missing: ['loki-one', 'tempo-two'] }));
		assert.throws(() => readReport(path), /has no entry for loki-one, tempo-two; the site is not built from it\. Run `npm run verify`/);
	});
});
