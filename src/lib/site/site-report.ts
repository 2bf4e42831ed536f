import config from 'virtual:casebook/config';
import type { CaseReport, ReportIndex } from '../report/schema.ts';
import { readCaseReport, readReport } from './report.ts';

/** The configured report's index, for pages and components (they run inside Astro, where the config is a module). */
export function siteReport(): ReportIndex {
	return readReport(config.report);
}

/** One case of the configured report, read when asked for (report.ts keeps only the last few). */
export function caseReport(caseId: string): CaseReport {
	return readCaseReport(config.report, caseId);
}

export const REPORT_PATH = config.report;
export const ALLOW_STALE_REPORT = config.allowStaleReport;
