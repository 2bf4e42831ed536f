import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.ts';
import { caseReportSchema, reportIndexSchema, type CaseIndexEntry, type CaseReport, type Report, type ReportIndex } from './schema.ts';

/**
 * The report on disk: the index at the configured path (`.casebook/report.json`) and one file per
 * case in the folder beside it (`.casebook/report.cases/<id>.<digest>.json`). A reader loads the
 * index and then only the cases it needs, so what it holds does not grow with the number of cases
 * (the site builds a thousand cases from a report of a hundred megabytes). A case file's name ends
 * in the digest of its text: files are never rewritten in place, the index names the exact
 * generation it was written with, and an unchanged case is not written again.
 */

/** The folder of the case files of the report indexed at `indexPath`. */
export function caseFolder(indexPath: string): string {
	return join(dirname(indexPath), `${basename(indexPath, '.json')}.cases`);
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** `<id>.<first 16 hex digits of the text's sha256>.json`. */
export function caseFileName(id: string, text: string): string {
	return `${id}.${digestOf(text)}.json`;
}

function indexEntry(report: CaseReport, fileName: string): CaseIndexEntry {
	const { id, file, slug, sourceHash, status, verifiedAt, helm } = report;
	return { id, file, slug, sourceHash, status, verifiedAt, helm, report: fileName };
}

/**
 * Writes the case files, then the index (atomically, so a reader sees the old index or the new
 * one, each naming files that exist), then removes the case files no longer named. Without
 * indentation: `jq .` shows a file indented.
 */
export async function writeStoredReport(path: string, report: Report): Promise<void> {
	const folder = caseFolder(path);
	const cases: CaseIndexEntry[] = [];
	for (const entry of report.cases) {
		const text = `${JSON.stringify(entry)}\n`;
		const name = caseFileName(entry.id, text);
		// A file already there under its digest is this text, unless someone edited it: then it is redone.
		if ((await readFile(join(folder, name), 'utf8').catch(() => undefined)) !== text) await writeFileAtomic(join(folder, name), text);
		cases.push(indexEntry(entry, name));
	}
	const index: ReportIndex = { ...report, cases };
	await writeFileAtomic(path, `${JSON.stringify(index)}\n`);
	const named = new Set(cases.map((c) => c.report));
	for (const name of await readdir(folder).catch(() => [])) {
		if (name.endsWith('.json') && !named.has(name)) await rm(join(folder, name), { force: true });
	}
}

/** The index's shape checked; reportVersion is checked first, so an older layout gets a plain answer. */
export function parseReportIndex(text: string): { index: ReportIndex } | { problem: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return { problem: `is not JSON (${(error as Error).message})` };
	}
	const version = (data as { reportVersion?: unknown } | null)?.reportVersion;
	if (version !== undefined && version !== reportIndexSchema.shape.reportVersion.value) {
		return { problem: `is of report version ${String(version)}, written by another version of the verifier` };
	}
	const parsed = reportIndexSchema.safeParse(data);
	return parsed.success ? { index: parsed.data } : { problem: `has an unexpected shape: ${parsed.error.message}` };
}

/** Case files whose shape was checked: a name is the digest of the text, so the same name that reads back to it is the same text. */
const checkedFiles = new Set<string>();

/**
 * One case's entry, read from the file the index names and checked: the file must exist, hold the
 * text its name's digest was taken of, and have the case's shape and id. A reader that reads a
 * case again (the site, once per route) checks its shape once.
 */
export function readCaseFile(indexPath: string, entry: CaseIndexEntry): CaseReport {
	const path = join(caseFolder(indexPath), entry.report);
	if (!existsSync(path)) {
		throw new Error(`The verification report at ${indexPath} names ${path} for case "${entry.id}", which does not exist. Run \`npm run verify\`.`);
	}
	const text = readFileSync(path, 'utf8');
	if (caseFileName(entry.id, text) !== entry.report) {
		throw new Error(`The case file ${path} was changed after \`npm run verify\` wrote it. Run \`npm run verify\`.`);
	}
	const data: unknown = JSON.parse(text);
	if (!checkedFiles.has(path)) {
		const parsed = caseReportSchema.safeParse(data);
		if (!parsed.success) throw new Error(`The case file ${path} has an unexpected shape: ${parsed.error.message}`);
		if (parsed.data.id !== entry.id) throw new Error(`The case file ${path} is of case "${parsed.data.id}", not "${entry.id}".`);
		checkedFiles.add(path);
	}
	// Verify wrote exactly the schema's shape, so the text as parsed is the checked entry.
	return data as CaseReport;
}

/**
 * The whole report, every case read: for verify, which merges a partial run into the earlier
 * report, and for tests. Undefined when there is none; throws when it cannot be read.
 */
export function readStoredReport(path: string): Report | undefined {
	if (!existsSync(path)) return undefined;
	const read = parseReportIndex(readFileSync(path, 'utf8'));
	if ('problem' in read) throw new Error(`The verification report at ${path} ${read.problem}.`);
	return { ...read.index, cases: read.index.cases.map((entry) => readCaseFile(path, entry)) };
}
