import { matchesOf, parsePath, PathError, queryPath } from './path.ts';
import { observeDocuments, pathLabel, type Observation, type Validator } from './validator.ts';

/**
 * The path selects something in every selected document: the value of a definite path is
 * present (a present `null` counts), an indefinite path has at least one match. With
 * `not: true` it selects nothing. A decoder that cannot decode is neither: it fails both ways.
 */
export const exists: Validator<'exists'> = {
	label: (body) => pathLabel('exists', body),
	validate(body, manifest) {
		const compiled = parsePath(body.path);
		const findings = observeDocuments(
			manifest,
			body.document,
			(document): Observation[] => {
				const where = { document, path: body.path };
				try {
					const result = queryPath(document.object, compiled);
					const matches = matchesOf(result);
					if (matches.length === 0) {
						const why = result.definite && !result.found ? result.reason : 'the path matches nothing';
						return [{ holds: false, failure: { ...where, actual: { inline: `not found (${why})` } } }];
					}
					const actual = compiled.definite
						? { value: matches[0]!.value }
						: {
								words: `(${matches.length === 1 ? '1 match' : `${matches.length} matches`})`,
								value: Object.fromEntries(matches.map((match) => [match.location, match.value])),
							};
					return [{ holds: true, failure: { ...where, actual } }];
				} catch (error) {
					if (error instanceof PathError) return [{ undecided: 'error', failure: { ...where, error: error.message } }];
					throw error;
				}
			},
			{ path: body.path },
		);
		return { ...findings, expected: { words: 'to exist' } };
	},
};
