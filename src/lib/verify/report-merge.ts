import type { Report } from '../report/schema.ts';

/**
 * The report after verifying some cases: their fresh entries replace their old ones, every other
 * case keeps the entry (and the verifiedAt) of the report it had, and a case that has an article
 * but no entry either way is listed in `missing`, which makes the report `incomplete`. Cases whose
 * article is gone are dropped. Pure: reading and writing the file is the caller's job.
 */
export function mergeReport(previous: Report | undefined, fresh: Report, caseIds: readonly string[]): Report {
	const entryOf = (id: string) => fresh.cases.find((c) => c.id === id) ?? previous?.cases.find((c) => c.id === id);
	const cases = caseIds.flatMap((id) => entryOf(id) ?? []);
	const missing = caseIds.filter((id) => !entryOf(id));
	// Helm builds that produced a kept entry stay listed beside the ones that ran now.
	const used = new Set(cases.flatMap((c) => c.helm));
	const helm = [...fresh.helm];
	for (const info of previous?.helm ?? []) {
		if (used.has(info.version) && !helm.some((h) => h.version === info.version)) helm.push(info);
	}
	return {
		...fresh,
		helm,
		status: cases.some((c) => c.status !== 'passed') ? 'failed' : missing.length ? 'incomplete' : 'passed',
		missing,
		cases,
	};
}
