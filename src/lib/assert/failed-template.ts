import { lines, quote, section } from './format.ts';
import { compilePattern, showPattern } from './regex.ts';
import type { BodyOf, Validator } from './validator.ts';

/**
 * The render failed (non-zero exit code) and helm's stderr contains every `errorMessage`
 * substring and matches `errorPattern`, when given. With neither, any failure passes.
 */
export const failedTemplate: Validator<'failedTemplate'> = {
	expectsFailedRender: true,
	label: (body) => {
		const parts = [
			...messagesOf(body).map(quote),
			body.errorPattern === undefined ? undefined : showPattern(body.errorPattern),
		].filter((part) => part !== undefined);
		return parts.length === 0 ? 'failedTemplate' : `failedTemplate ${parts.join(' ')}`;
	},
	validate(body, manifest) {
		if (manifest.exitCode === 0) {
			const count = manifest.documents.length;
			return {
				passed: false,
				message: `Expected helm template to fail, but it succeeded (exit code 0, ${count === 1 ? '1 document' : `${count} documents`}).`,
				documents: [],
			};
		}
		const pattern = body.errorPattern === undefined ? undefined : compilePattern(body.errorPattern, 'errorPattern');
		const missing = messagesOf(body).filter((message) => !manifest.stderr.includes(message));
		const patternMissed = pattern !== undefined && !pattern.test(manifest.stderr);
		if (missing.length === 0 && !patternMissed) return { passed: true, documents: [] };
		return {
			passed: false,
			message: lines([
				missing.length > 0 ? section('Expected stderr to contain', missing.join('\n')) : undefined,
				patternMissed ? section('Expected stderr to match', showPattern(body.errorPattern!)) : undefined,
				section(`Actual stderr (exit code ${manifest.exitCode})`, manifest.stderr.trimEnd() || '(empty)'),
			]),
			documents: [],
		};
	},
};

function messagesOf(body: BodyOf<'failedTemplate'>): string[] {
	if (body.errorMessage === undefined) return [];
	return Array.isArray(body.errorMessage) ? body.errorMessage : [body.errorMessage];
}
