import { existsSync, readFileSync } from 'node:fs';
import type { CaseIndexEntry, CaseReport, ReportIndex } from '../report/schema.ts';
import { parseReportIndex, readCaseFile } from '../report/store.ts';

/**
 * The site's only way to the verification report. The report is produced by `npm run verify`;
 * a site built without one (or from a failed one) would publish unverified claims, so both are
 * hard errors here. The path comes from the configuration (loadConfig), passed in.
 *
 * The index is read once; a case's file is read when a page, a fragment or a code block needs
 * it, and only the few read last are kept: the build renders one case's pages and fragments
 * together, and holding a thousand cases at once is what the split report is for avoiding.
 */

const indexes = new Map<string, { index: ReportIndex; byId: Map<string, CaseIndexEntry> }>();

export function readReport(path: string): ReportIndex {
	return readIndex(path).index;
}

function readIndex(path: string): { index: ReportIndex; byId: Map<string, CaseIndexEntry> } {
	const known = indexes.get(path);
	if (known) return known;
	if (!existsSync(path)) {
		throw new Error(`No verification report at ${path}. Run \`npm run verify\` (or \`npm run build\`) first.`);
	}
	const parsed = parseReportIndex(readFileSync(path, 'utf8'));
	if ('problem' in parsed) throw new Error(`The verification report at ${path} ${parsed.problem}. Run \`npm run verify\`.`);
	const { index } = parsed;
	if (index.status === 'incomplete') {
		throw new Error(
			`The verification report at ${path} has no entry for ${index.missing.join(', ')}; the site is not built from it. Run \`npm run verify\`.`,
		);
	}
	if (index.status !== 'passed') {
		throw new Error(`The verification report at ${path} records failed checks; the site is not built from it.`);
	}
	const read = { index, byId: new Map(index.cases.map((c) => [c.id, c])) };
	indexes.set(path, read);
	return read;
}

/** How many case files stay read: more than one case's pages and fragments ever need at a time. */
const KEPT_CASES = 8;
const recent = new Map<string, CaseReport>();

function readCase(path: string, entry: CaseIndexEntry): CaseReport {
	const key = `${path}\0${entry.report}`;
	let found = recent.get(key);
	if (found) {
		recent.delete(key);
	} else {
		found = readCaseFile(path, entry);
		if (recent.size >= KEPT_CASES) recent.delete(recent.keys().next().value!);
	}
	recent.set(key, found);
	return found;
}

/** The case `caseId` of the report at `path`, read from its file (or from the last few read). */
export function readCaseReport(path: string, caseId: string): CaseReport {
	const entry = readIndex(path).byId.get(caseId);
	if (!entry) throw new Error(`The verification report has no case "${caseId}". Run \`npm run verify\`.`);
	return readCase(path, entry);
}

/** The case whose article is at `file` (absolute, or relative to the project root). */
export function caseReportForFile(path: string, file: string): CaseReport | undefined {
	const normalised = file.replace(/\\/g, '/').replace(/^\.\//, '');
	const entry = readReport(path).cases.find((c) => normalised.endsWith(c.file));
	return entry && readCase(path, entry);
}
