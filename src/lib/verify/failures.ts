import type { CaseArticle } from './articles.ts';
import type { UseOutcome } from './evaluate.ts';

/** A false claim or bad input, located in an article. */
export interface Failure {
	file: string;
	line?: number;
	column?: number;
	message: string;
	/** Further lines: expected/actual, diff, helm's stderr. */
	detail?: string;
}

/** One failure per failed assertion of a check, at the assertion's line in the checks file. */
export function failureReport(article: CaseArticle, outcomes: UseOutcome[]): Failure[] {
	const failures: Failure[] = [];
	for (const outcome of outcomes) {
		const { owner, chart, helm } = outcome.use;
		if (owner.kind !== 'check') continue;
		for (const assertion of outcome.assertions) {
			if (assertion.passed) continue;
			failures.push({
				...article.locate(['case', 'checks', owner.index, 'expect', assertion.index]),
				message: `check "${owner.check.id}" failed on ${chart.repository}/${chart.name}@${chart.version} with helm ${helm.version}: ${assertion.label}`,
				detail: assertion.message,
			});
		}
	}
	return failures;
}

export function formatFailure(failure: Failure): string {
	const where = [failure.file, failure.line, failure.line !== undefined ? failure.column : undefined]
		.filter((part) => part !== undefined)
		.join(':');
	const detail = failure.detail ? `\n${failure.detail.replace(/^/gm, '    ')}` : '';
	return `${where}: ${failure.message}${detail}`;
}
