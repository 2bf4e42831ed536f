import type { AssertionKind, Expectation } from '../case/expectation-schema.ts';
import { isCasebookError } from '../errors.ts';
import type { AssertionOutcome, RenderedManifest } from '../render/types.ts';
import { contains } from './contains.ts';
import { documentExists } from './document-exists.ts';
import { documentNotExists } from './document-not-exists.ts';
import { equal } from './equal.ts';
import { exists } from './exists.ts';
import { failedTemplate } from './failed-template.ts';
import { section } from './format.ts';
import { hasDocuments } from './has-documents.ts';
import { isSubset } from './is-subset.ts';
import { lengthEqual } from './length-equal.ts';
import { matchRegex } from './match-regex.ts';
import { notContains } from './not-contains.ts';
import { notEqual } from './not-equal.ts';
import { notExists } from './not-exists.ts';
import { notMatchRegex } from './not-match-regex.ts';
import type { BodyOf, Validator } from './validator.ts';

/** One validator per kind: a kind added to the schema without a validator does not type-check. */
export const validators: { [K in AssertionKind]: Validator<K> } = {
	documentExists,
	documentNotExists,
	hasDocuments,
	exists,
	notExists,
	equal,
	notEqual,
	contains,
	notContains,
	isSubset,
	matchRegex,
	notMatchRegex,
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
	const label = validator.label(body);
	if (manifest.exitCode !== 0 && !validator.expectsFailedRender) {
		return { index, kind, label, passed: false, message: renderFailed(manifest), documents: [] };
	}
	try {
		const verdict = validator.validate(body, manifest);
		return {
			index,
			kind,
			label,
			passed: verdict.passed,
			...(verdict.passed || verdict.message === undefined ? {} : { message: verdict.message }),
			documents: verdict.documents,
		};
	} catch (error) {
		// A bad path, pattern or selector in the case: report it on this assertion, keep going.
		if (isCasebookError(error)) return { index, kind, label, passed: false, message: error.message, documents: [] };
		throw error;
	}
}

function renderFailed(manifest: RenderedManifest): string {
	return [
		`helm template failed (exit code ${manifest.exitCode}), so this assertion could not be checked.`,
		section('stderr', manifest.stderr.trimEnd() || '(empty)'),
	].join('\n');
}
