import config from 'virtual:casebook/config';
import type { CaseReport, Report } from '../report/schema.ts';
import { findCaseReport, readReport } from './report.ts';

/** The configured report, for pages and components (they run inside Astro, where the config is a module). */
export function siteReport(): Report {
	return readReport(config.report);
}

export function caseReport(caseId: string): CaseReport {
	return findCaseReport(siteReport(), caseId);
}

export const REPORT_PATH = config.report;
export const ALLOW_STALE_REPORT = config.allowStaleReport;
