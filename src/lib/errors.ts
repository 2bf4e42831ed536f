/**
 * An error in the input (an article, a values snippet, the configuration, a chart) that a person
 * must fix. It always says where: the file, and the line when known.
 */
export class CasebookError extends Error {
	readonly file?: string;
	readonly line?: number;
	readonly column?: number;
	readonly expected?: string;
	readonly found?: string;

	constructor(
		message: string,
		where: { file?: string; line?: number; column?: number; expected?: string; found?: string } = {},
	) {
		super(message);
		this.name = 'CasebookError';
		this.file = where.file;
		this.line = where.line;
		this.column = where.column;
		this.expected = where.expected;
		this.found = where.found;
	}

	/** `file:line:column: message` followed by expected/found lines, as a compiler prints it. */
	format(): string {
		const location = [this.file, this.line, this.line !== undefined ? this.column : undefined]
			.filter((part) => part !== undefined)
			.join(':');
		const lines = [location ? `${location}: ${this.message}` : this.message];
		if (this.expected !== undefined) lines.push(`  expected: ${this.expected}`);
		if (this.found !== undefined) lines.push(`  found:    ${this.found}`);
		return lines.join('\n');
	}
}

export function isCasebookError(error: unknown): error is CasebookError {
	return error instanceof CasebookError;
}
