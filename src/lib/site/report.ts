import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportSchema, type CaseReport, type Report } from '../report/schema.ts';

/**
 * The site's only way to the verification report. The report is produced by `npm run verify`;
 * a site built without one (or from a stale one) would publish unverified claims, so both are
 * hard errors here.
 */

export function reportPath(): string {
	return resolve(process.env.CASEBOOK_REPORT || '.casebook/report.json');
}

let cached: Report | undefined;

export function loadReport(): Report {
	if (cached) return cached;
	const path = reportPath();
	if (!existsSync(path)) {
		throw new Error(`No verification report at ${path}. Run \`npm run verify\` (or \`npm run build\`) first.`);
	}
	const parsed = reportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!parsed.success) {
		throw new Error(`The verification report at ${path} has an unexpected shape: ${parsed.error.message}`);
	}
	if (parsed.data.status === 'incomplete') {
		throw new Error(
			`The verification report at ${path} has no entry for ${parsed.data.missing.join(', ')}; the site is not built from it. Run \`npm run verify\`.`,
		);
	}
	if (parsed.data.status !== 'passed') {
		throw new Error(`The verification report at ${path} records failed checks; the site is not built from it.`);
	}
	cached = parsed.data;
	return cached;
}

export function caseReport(caseId: string): CaseReport {
	const found = loadReport().cases.find((c) => c.id === caseId);
	if (!found) throw new Error(`The verification report has no case "${caseId}". Run \`npm run verify\`.`);
	return found;
}

/** Finds the case whose article is at `file` (a path relative to the project root). */
export function caseReportForFile(file: string): CaseReport | undefined {
	const normalised = file.replace(/\\/g, '/').replace(/^\.\//, '');
	return loadReport().cases.find((c) => normalised.endsWith(c.file));
}
