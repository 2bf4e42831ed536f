import { lines } from './format.ts';
import { matchesOf, parsePath, PathError, queryPath } from './path.ts';
import { checkDocuments, pathLabel, type Validator } from './validator.ts';

/**
 * The path selects something in every selected document: the value of a definite path is
 * present (a present `null` counts), an indefinite path has at least one match.
 */
export const exists: Validator<'exists'> = {
	label: (body) => pathLabel('exists', body),
	validate(body, manifest) {
		const compiled = parsePath(body.path);
		return checkDocuments(manifest, body.document, (document) => {
			try {
				const result = queryPath(document.object, compiled);
				if (matchesOf(result).length > 0) return undefined;
				const why = result.definite && !result.found ? result.reason : 'the path matches nothing';
				return lines([`Path: ${body.path}`, `Expected the path to exist. Not found: ${why}`]);
			} catch (error) {
				if (error instanceof PathError) return lines([`Path: ${body.path}`, `Error: ${error.message}`]);
				throw error;
			}
		});
	},
};
