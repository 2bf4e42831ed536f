import { documentCount, quote } from './format.ts';
import { compilePattern, showPattern } from './regex.ts';
import type { BodyOf, Validator } from './validator.ts';

/**
 * The render failed (non-zero exit code) and helm's stderr contains every `errorMessage`
 * substring and matches `errorPattern`, when given. With neither, any failure passes. It cannot
 * be negated (the schema refuses `not`): every other assertion already fails on a failed render.
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
		const requirements = [
			...messagesOf(body).map((message) => `stderr containing ${quote(message)}`),
			...(body.errorPattern === undefined ? [] : [`stderr matching ${showPattern(body.errorPattern)}`]),
		];
		const expected =
			requirements.length === 0
				? { words: 'helm template to fail' }
				: { words: 'helm template to fail with', text: requirements.join('\n') };
		if (manifest.exitCode === 0) {
			const actual = { inline: `succeeded (exit code 0, ${documentCount(manifest.documents.length)})` };
			return { expected, observations: [{ holds: false, failure: { actual } }], documents: [] };
		}
		const pattern = body.errorPattern === undefined ? undefined : compilePattern(body.errorPattern, 'errorPattern');
		const missing = messagesOf(body).filter((message) => !manifest.stderr.includes(message));
		const patternMissed = pattern !== undefined && !pattern.test(manifest.stderr);
		const notes = [
			...missing.map((message) => `Not in stderr: ${quote(message)}`),
			...(patternMissed ? [`Not matched in stderr: ${showPattern(body.errorPattern!)}`] : []),
		];
		const actual = { words: `stderr (exit code ${manifest.exitCode})`, text: manifest.stderr.trimEnd() || '(empty)' };
		return {
			expected,
			observations: [{ holds: missing.length === 0 && !patternMissed, failure: { actual, notes } }],
			documents: [],
		};
	},
};

function messagesOf(body: BodyOf<'failedTemplate'>): string[] {
	if (body.errorMessage === undefined) return [];
	return Array.isArray(body.errorMessage) ? body.errorMessage : [body.errorMessage];
}
