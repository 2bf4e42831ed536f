import { blocks, lines, yamlSection } from './format.ts';
import { matchesOf, parsePath, PathError, queryPath } from './path.ts';
import { checkDocuments, pathLabel, type Validator } from './validator.ts';

/**
 * The path selects nothing in every selected document. A key that is present with a `null`
 * value exists. A decoder that cannot decode is a failure, not an absence.
 */
export const notExists: Validator<'notExists'> = {
	label: (body) => pathLabel('notExists', body),
	validate(body, manifest) {
		const compiled = parsePath(body.path);
		return checkDocuments(manifest, body.document, (document) => {
			try {
				const matches = matchesOf(queryPath(document.object, compiled));
				if (matches.length === 0) return undefined;
				const found = matches.map((match) =>
					yamlSection(compiled.definite ? 'Actual' : `Found at ${match.location}`, match.value),
				);
				return lines([`Path: ${body.path}`, 'Expected the path not to exist.', blocks(found)]);
			} catch (error) {
				if (error instanceof PathError) return lines([`Path: ${body.path}`, `Error: ${error.message}`]);
				throw error;
			}
		});
	},
};
