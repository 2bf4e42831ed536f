import { knownSchema, type Case } from '../case/schema.ts';
import { CasebookError } from '../errors.ts';
import type { EvidenceMark } from './parse.ts';

/**
 * Every `<Evidence>` mark in the prose says how its sentence is known, in the same words as the
 * frontmatter's `known:` (check / source + label / inference), and a check it names must be one
 * of this case's checks: the build then proves it passed before the page can show it.
 */
export function checkEvidenceMarks(marks: EvidenceMark[], declared: Case | undefined, file: string): void {
	const checkIds = new Set(declared?.checks.map((check) => check.id) ?? []);
	for (const mark of marks) {
		const parsed = knownSchema.safeParse(mark.attributes);
		if (!parsed.success) {
			throw new CasebookError('an <Evidence> mark must say how the sentence is known', {
				file,
				line: mark.line,
				expected: '<Evidence check="check-id" />, <Evidence source="https://..." label="..." /> or <Evidence inference="why" />',
				found: `<Evidence ${Object.entries(mark.attributes)
					.map(([name, value]) => (value === true ? name : `${name}=${JSON.stringify(value ?? '{…}')}`))
					.join(' ')} />`,
			});
		}
		const known = parsed.data;
		if ('check' in known && !checkIds.has(known.check)) {
			throw new CasebookError(`<Evidence> names check "${known.check}", which this case does not have`, {
				file,
				line: mark.line,
				expected: checkIds.size ? `one of: ${[...checkIds].join(', ')}` : 'a page with a case and checks',
				found: known.check,
			});
		}
	}
}
