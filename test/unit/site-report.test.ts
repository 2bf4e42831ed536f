import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Report } from '../../src/lib/report/schema.ts';
import { caseFolder, writeStoredReport } from '../../src/lib/report/store.ts';
import { caseReportForFile, readCaseReport, readReport } from '../../src/lib/site/report.ts';
import { caseReportFixture, reportFixture } from './case-ui-fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'casebook-site-report-'));
after(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** A report stored under a name of its own (the reader remembers each path's index). */
async function stored(name: string, report: Report): Promise<string> {
	const path = join(dir, `${name}.json`);
	await writeStoredReport(path, report);
	return path;
}

describe('the site and a report that lacks cases', () => {
	it('refuses to build, naming the cases the report lacks', async () => {
		const path = await stored('incomplete', { ...reportFixture(), status: 'incomplete', missing: ['loki-one', 'tempo-two'] });
		assert.throws(() => readReport(path), /has no entry for loki-one, tempo-two; the site is not built from it\. Run `npm run verify`/);
	});

	it('refuses a failed report, and none at all', async () => {
		const path = await stored('failed', { ...reportFixture(), status: 'failed' });
		assert.throws(() => readReport(path), /records failed checks; the site is not built from it/);
		assert.throws(() => readReport(join(dir, 'none.json')), /No verification report at .*none\.json\. Run `npm run verify`/);
	});

	it('says a report of the one-file layout is from another verifier', async () => {
		const path = join(dir, 'version-2.json');
		await writeFile(path, JSON.stringify({ ...reportFixture(), reportVersion: 2 }));
		assert.throws(() => readReport(path), /is of report version 2, written by another version of the verifier\. Run `npm run verify`/);
	});
});

describe('the site reading one case at a time', () => {
	const two = (): Report => ({ ...reportFixture(), cases: [caseReportFixture(), { ...caseReportFixture(), id: 'other', file: 'content/docs/tempo/other.mdx' }] });

	it('reads the index alone, and a case from its own file when asked', async () => {
		const path = await stored('lazy', two());
		const index = readReport(path);
		assert.deepEqual(index.cases.map((c) => c.id), ['tempo-ingester-statefulset-missing', 'other']);
		assert.equal('checks' in index.cases[0]!, false, 'the index carries no checks');
		assert.deepEqual(readCaseReport(path, 'other'), { ...caseReportFixture(), id: 'other', file: 'content/docs/tempo/other.mdx' });
		assert.equal(caseReportForFile(path, '/somewhere/content/docs/tempo/other.mdx')?.id, 'other');
		assert.equal(caseReportForFile(path, 'content/docs/tempo/nothing.mdx'), undefined);
		assert.throws(() => readCaseReport(path, 'nope'), /has no case "nope"/);
	});

	it('refuses a case file that is gone or was changed since verify wrote it', async () => {
		const path = await stored('tampered', two());
		readReport(path);
		const [first, second] = readReport(path).cases;
		const file = join(caseFolder(path), first!.report);
		await writeFile(file, (await readFile(file, 'utf8')).replace('"passed"', '"failed"'));
		assert.throws(() => readCaseReport(path, first!.id), /was changed after `npm run verify` wrote it/);
		await rm(join(caseFolder(path), second!.report));
		assert.throws(() => readCaseReport(path, second!.id), /names .* for case "other", which does not exist\. Run `npm run verify`/);
	});

	it('a case file per case, named by its text, the stale ones removed', async () => {
		const path = await stored('rewritten', two());
		const before = await readdir(caseFolder(path));
		assert.equal(before.length, 2);
		await writeStoredReport(path, { ...two(), cases: [{ ...caseReportFixture(), verifiedAt: '2026-12-01T00:00:00.000Z' }] });
		const after = await readdir(caseFolder(path));
		assert.equal(after.length, 1);
		assert.ok(!before.includes(after[0]!), 'a changed case gets a new file');
		assert.match(after[0]!, /^tempo-ingester-statefulset-missing\.[0-9a-f]{16}\.json$/);
	});

	it('writes a case file again when its text is not what its name says (edited by hand)', async () => {
		const report = two();
		const path = await stored('repaired', report);
		const file = join(caseFolder(path), (await readdir(caseFolder(path))).find((name) => name.startsWith('other.'))!);
		const text = await readFile(file, 'utf8');
		await writeFile(file, text.replace('"passed"', '"failed"'));
		await writeStoredReport(path, report);
		assert.equal(await readFile(file, 'utf8'), text);
	});

	it('keeps only the last few cases read, not every case of the report', async () => {
		const ids = Array.from({ length: 20 }, (_, i) => `case-${i}`);
		const path = await stored('bounded', { ...reportFixture(), cases: ids.map((id) => ({ ...caseReportFixture(), id, file: `content/docs/tempo/${id}.mdx` })) });
		for (const id of ids) readCaseReport(path, id);
		// With the files gone, a case still held is served, one let go is read again and refused.
		await rm(caseFolder(path), { recursive: true });
		assert.equal(readCaseReport(path, 'case-19').id, 'case-19');
		assert.throws(() => readCaseReport(path, 'case-0'), /for case "case-0", which does not exist/);
	});
});
