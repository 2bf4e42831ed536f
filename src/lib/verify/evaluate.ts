import { evaluateExpectations } from '../assert/index.ts';
import type { Expectation } from '../case/expectation-schema.ts';
import { parseManifest } from '../render/documents.ts';
import type { AssertionOutcome, RenderedManifest, RenderResult } from '../render/types.ts';
import type { RenderUse } from './plan.ts';

export interface UseOutcome {
	use: RenderUse;
	result: RenderResult;
	cached: boolean;
	manifest: RenderedManifest;
	assertions: AssertionOutcome[];
	passed: boolean;
}

export function expectationsOf(use: RenderUse): Expectation[] {
	return use.owner.kind === 'check' ? use.owner.check.expect : use.owner.segment.expect;
}

export function evaluateUse(use: RenderUse, result: RenderResult, cached: boolean): UseOutcome {
	const manifest: RenderedManifest = {
		exitCode: result.exitCode,
		stderr: result.stderr,
		documents: result.exitCode === 0 ? parseManifest(result.stdout) : [],
	};
	const assertions = result.timedOut
		? expectationsOf(use).map((expectation, index) => timedOut(expectation, index, use.request.timeoutMs))
		: evaluateExpectations(expectationsOf(use), manifest);
	return { use, result, cached, manifest, assertions, passed: assertions.every((a) => a.passed) };
}

function timedOut(expectation: Expectation, index: number, timeoutMs: number): AssertionOutcome {
	return {
		index,
		kind: expectation.kind,
		label: expectation.kind,
		passed: false,
		message: `helm template did not finish within ${timeoutMs} ms and was stopped`,
		documents: [],
	};
}
