import { constants } from 'node:os';
import { reproduceCommand } from '../helm/args.ts';
import { renderBreakdown } from '../helm/breakdown.ts';
import type { CaseArticle } from './articles.ts';
import type { StoredEvaluation, UseOutcome } from './evaluate.ts';
import { ownerLabel, ownerPath, type RenderUse } from './plan.ts';

/** A false claim or bad input, located in an article. */
export interface Failure {
	file: string;
	line?: number;
	column?: number;
	message: string;
	/** Further lines: expected/actual, diff, helm's stderr. */
	detail?: string;
}

/**
 * One failure per failed assertion of a check, at the assertion's line in the checks file; one
 * per render of it that helm did not finish.
 */
export function failureReport(article: CaseArticle, outcomes: UseOutcome[]): Failure[] {
	const failures: Failure[] = [];
	for (const outcome of outcomes) {
		const { owner, chart, helm } = outcome.use;
		if (owner.kind !== 'check') continue;
		const breakdown = breakdownFailure(article, outcome.use, outcome);
		if (breakdown) {
			failures.push(breakdown);
			continue;
		}
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

/**
 * For a render helm did not finish (time limit, crash): an error naming the chart version, the
 * helm, what happened and the command that reproduces it; undefined for a render that finished.
 * Located at the check's `id` or the matrix segment's `versions`.
 */
export function breakdownFailure(article: CaseArticle, use: RenderUse, evaluation: StoredEvaluation): Failure | undefined {
	const breakdown = renderBreakdown(evaluation);
	if (!breakdown) return undefined;
	const { owner, chart, helm, request } = use;
	const who = ownerLabel(owner);
	const render = `the render of ${chart.repository}/${chart.name}@${chart.version} with helm ${helm.version}`;
	const what =
		breakdown === 'timeout'
			? `did not finish within ${request.timeoutMs} ms (renderTimeoutMs) and was stopped`
			: `broke down (${exitDescription(evaluation.exitCode)}): helm crashed or was killed, so it says nothing about the chart`;
	const stderr = evaluation.stderr.trim();
	return {
		...article.locate(ownerPath(owner, owner.kind === 'check' ? 'id' : 'versions')),
		message: `${who}: ${render} ${what}`,
		detail: [`reproduce: ${reproduceCommand(request).command}`, breakdown === 'crash' && stderr && `helm said:\n${stderr}`]
			.filter(Boolean)
			.join('\n'),
	};
}

/** `exit 2`, or `killed by SIGSEGV` for the shell's 128 + n. */
function exitDescription(exitCode: number): string {
	const signal = Object.entries(constants.signals).find(([, number]) => exitCode === 128 + number)?.[0];
	return signal ? `killed by ${signal}` : `exit ${exitCode}`;
}

export function formatFailure(failure: Failure): string {
	const where = [failure.file, failure.line, failure.line !== undefined ? failure.column : undefined]
		.filter((part) => part !== undefined)
		.join(':');
	const detail = failure.detail ? `\n${failure.detail.replace(/^/gm, '    ')}` : '';
	return `${where}: ${failure.message}${detail}`;
}
