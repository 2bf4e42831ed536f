import type { AssertionKind, Expectation } from '../case/expectation-schema.ts';
import { isCasebookError } from '../errors.ts';
import type { AssertionOutcome, RenderedManifest } from '../render/types.ts';
import { contains } from './contains.ts';
import { documentExists } from './document-exists.ts';
import { equal } from './equal.ts';
import { exists } from './exists.ts';
import { failedTemplate } from './failed-template.ts';
import { formatFailures, type Failure } from './failure.ts';
import { section } from './format.ts';
import { hasDocuments } from './has-documents.ts';
import { isSubset } from './is-subset.ts';
import { lengthEqual } from './length-equal.ts';
import { matchRegex } from './match-regex.ts';
import type { BodyOf, Findings, Validator } from './validator.ts';

/** One validator per kind: a kind added to the schema without a validator does not type-check. */
export const validators: { [K in AssertionKind]: Validator<K> } = {
	documentExists,
	hasDocuments,
	exists,
	equal,
	contains,
	isSubset,
	matchRegex,
	lengthEqual,
	failedTemplate,
};

/** Evaluates the `expect` list of a case against one render, in order. */
export function evaluateExpectations(
	expectations: readonly Expectation[],
	manifest: RenderedManifest,
): AssertionOutcome[] {
	return expectations.map((expectation, index) => evaluate(expectation, index, manifest));
}

function evaluate<K extends AssertionKind>(
	expectation: { kind: K; body: BodyOf<K> },
	index: number,
	manifest: RenderedManifest,
): AssertionOutcome {
	const { kind, body } = expectation;
	const validator: Validator<K> = validators[kind];
	const negated = (body as { not?: boolean }).not === true;
	const label = negated ? `not ${validator.label(body)}` : validator.label(body);
	if (manifest.exitCode !== 0 && !validator.expectsFailedRender) {
		return { index, kind, label, passed: false, message: renderFailed(manifest), documents: [] };
	}
	try {
		const findings = validator.validate(body, manifest);
		const failed = failures(findings, negated, kind);
		return {
			index,
			kind,
			label,
			passed: failed.length === 0,
			...(failed.length === 0 ? {} : { message: formatFailures(failed, negated) }),
			documents: findings.documents,
		};
	} catch (error) {
		// A bad path, pattern or selector in the case: report it on this assertion, keep going.
		if (isCasebookError(error)) return { index, kind, label, passed: false, message: error.message, documents: [] };
		throw error;
	}
}

/**
 * `not` is applied here and nowhere else: a decided observation fails when it does not hold, or
 * under `not` when it does; an undecided one fails either way. Each failure shows the expected
 * side of the findings unless it has its own.
 */
export function failures(findings: Findings, negated: boolean, kind: AssertionKind): Failure[] {
	return findings.observations.flatMap((observation) => {
		const failure = { expected: findings.expected, ...observation.failure };
		if ('holds' in observation) return observation.holds === negated ? [failure] : [];
		if (negated && observation.undecided === 'missing') {
			const hint = `${kind} with not: true needs the path to exist; to assert that it is absent, use exists with not: true.`;
			return [{ ...failure, notes: [...(failure.notes ?? []), hint] }];
		}
		return [failure];
	});
}

function renderFailed(manifest: RenderedManifest): string {
	return [
		`helm template failed (exit code ${manifest.exitCode}), so this assertion could not be checked.`,
		section('stderr', manifest.stderr.trimEnd() || '(empty)'),
	].join('\n');
}
