import type { z } from 'zod';
import { CasebookError } from './errors.ts';

/**
 * The one way a schema failure becomes a message for a person: the deepest issue first (it is
 * the most specific one to fix), at its file and line, with what was expected and what was found;
 * up to three more issues follow with their own lines.
 */
export interface SchemaErrorContext {
	/** What was being read, e.g. `frontmatter` or `casebook.config.json`. */
	what: string;
	/** The data that failed, to show what was found at the issue's path. */
	data: unknown;
	/** File and line of a data path; a path may live in another file than the first issue's. */
	locate(path: ReadonlyArray<PropertyKey>): { file: string; line?: number };
}

export function schemaError(error: z.ZodError, context: SchemaErrorContext): CasebookError {
	const issues = [...error.issues].sort((a, b) => b.path.length - a.path.length);
	const first = issues[0]!;
	const where = context.locate(issuePath(first));
	const others = issues.slice(1, 4).map((issue) => {
		const other = context.locate(issuePath(issue));
		const at = other.file === where.file ? `line ${other.line}` : `${other.file}:${other.line}`;
		return `\n  also at ${at}: ${describe(issue)}`;
	});
	return new CasebookError(`invalid ${context.what}: ${describe(first)}${others.join('')}`, {
		file: where.file,
		line: where.line,
		expected: expectedOf(first),
		found: foundAt(context.data, first.path),
	});
}

/** An unknown key is best shown on its own line, not on its parent's. */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
	return issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
}

function describe(issue: z.core.$ZodIssue): string {
	const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
	return `${where}${issue.message}`;
}

/** `case.checks[2].expect[0]`, as an author would point at it. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('');
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code === 'invalid_type') return issue.expected;
	if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' | ');
	if (issue.code === 'unrecognized_keys') return `none of ${issue.keys.join(', ')}`;
	return undefined;
}

function foundAt(data: unknown, path: ReadonlyArray<PropertyKey>): string {
	let value: unknown = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return 'nothing';
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	if (value === undefined) return 'nothing';
	const text = JSON.stringify(value);
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
