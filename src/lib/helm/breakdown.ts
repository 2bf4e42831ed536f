/** Why a render has no answer from the chart: helm ran out of time, or helm itself broke down. */
export type RenderBreakdown = 'timeout' | 'crash';

/**
 * `helm template` answers with exit 0 (rendered) or 1 (the chart or the values are wrong: a
 * result the assertions judge). Anything else (stopped by the time limit, killed by a signal,
 * too much output, a Go panic's exit 2) says nothing about the chart and is never a verdict.
 */
export function renderBreakdown(result: { exitCode: number; timedOut: boolean }): RenderBreakdown | undefined {
	if (result.timedOut) return 'timeout';
	if (result.exitCode !== 0 && result.exitCode !== 1) return 'crash';
	return undefined;
}
