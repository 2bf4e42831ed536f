import { existsSync, readFileSync } from 'node:fs';
import { reportSchema, type CaseReport, type Report } from '../report/schema.ts';

/**
 * The site's only way to the verification report. The report is produced by `npm run verify`;
 * a site built without one (or from a failed one) would publish unverified claims, so both are
 * hard errors here. The path comes from the configuration (loadConfig), passed in.
 */

const reports = new Map<string, Report>();

export function readReport(path: string): Report {
	const known = reports.get(path);
	if (known) return known;
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
	reports.set(path, parsed.data);
	return parsed.data;
}

export function findCaseReport(report: Report, caseId: string): CaseReport {
	const found = report.cases.find((c) => c.id === caseId);
	if (!found) throw new Error(`The verification report has no case "${caseId}". Run \`npm run verify\`.`);
	return found;
}

/** The case whose article is at `file` (absolute, or relative to the project root). */
export function caseReportForFile(report: Report, file: string): CaseReport | undefined {
	const normalised = file.replace(/\\/g, '/').replace(/^\.\//, '');
	return report.cases.find((c) => normalised.endsWith(c.file));
}
