import { evaluateExpectations } from '../assert/index.ts';
import type { Expectation } from '../case/expectation-schema.ts';
import { renderBreakdown } from '../helm/breakdown.ts';
import { parseManifest } from '../render/documents.ts';
import type { AssertionOutcome, RenderedDocument, RenderedManifest, RenderResult } from '../render/types.ts';
import type { RenderUse } from './plan.ts';
import { matchesSelector } from '../assert/select.ts';
import { detectOnUse } from '../check/verify-rules.ts';

/** What a page and the failure report need of one use of a render; small enough to cache. */
export interface StoredEvaluation {
	exitCode: number;
	stderr: string;
	timedOut: boolean;
	passed: boolean;
	assertions: AssertionOutcome[];
	/** Only the documents the assertions or the check's `excerpt` selected, for excerpts. */
	documents: RenderedDocument[];
	/** Ids of the case's detection rules that match this render, when the rules are tested on it. */
	detected?: string[];
}

export function expectationsOf(use: RenderUse): Expectation[] {
	return use.owner.kind === 'check' ? use.owner.check.expect : use.owner.segment.expect;
}

export function evaluateUse(use: RenderUse, result: RenderResult): StoredEvaluation {
	const manifest: RenderedManifest = {
		exitCode: result.exitCode,
		stderr: result.stderr,
		documents: result.exitCode === 0 ? parseManifest(result.stdout) : [],
	};
	// A render helm did not finish is reported as such (failures.ts), never judged by the assertions.
	const assertions = renderBreakdown(result) ? [] : evaluateExpectations(expectationsOf(use), manifest);
	const touched = new Set(assertions.flatMap((a) => a.documents));
	const excerpt = use.owner.kind === 'check' ? use.owner.check.excerpt : undefined;
	const documents =
		use.owner.kind === 'check'
			? manifest.documents.filter(
					(d) => touched.has(`${d.kind}/${d.name}`) || excerpt?.some((selector) => matchesSelector(selector, d)),
				)
			: [];
	const detected = renderBreakdown(result) ? undefined : detectOnUse(use, manifest);
	return {
		exitCode: result.exitCode,
		stderr: result.stderr,
		timedOut: result.timedOut,
		passed: !renderBreakdown(result) && assertions.every((a) => a.passed),
		assertions,
		documents,
		...(detected ? { detected } : {}),
	};
}

/** A use with its evaluation, as the report and the failure list read it. */
export interface UseOutcome extends StoredEvaluation {
	use: RenderUse;
	/** True when helm did not run for it in this build. */
	cached: boolean;
}
