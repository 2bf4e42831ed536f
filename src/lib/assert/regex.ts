import { CasebookError } from '../errors.ts';

/**
 * Patterns are JavaScript regular expressions, searched (not anchored) like Go's
 * regexp.MatchString, which is what helm-unittest uses. Go's leading flag group (`(?i)`, `(?s)`,
 * `(?m)` or a combination) is accepted and turned into JavaScript flags, because patterns are
 * often copied from Go code or helm-unittest suites.
 */
export function compilePattern(pattern: string, what = 'pattern'): RegExp {
	let source = pattern;
	let flags = '';
	const leading = /^\(\?([a-zA-Z]+)\)/.exec(source);
	if (leading) {
		for (const flag of leading[1]!) {
			if (flag !== 'i' && flag !== 'm' && flag !== 's') {
				throw new CasebookError(`${what} ${quote(pattern)} uses the flag "${flag}", which is not supported (only i, m, s)`);
			}
			if (!flags.includes(flag)) flags += flag;
		}
		source = source.slice(leading[0].length);
	}
	try {
		return new RegExp(source, flags);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new CasebookError(`${what} ${quote(pattern)} is not a valid regular expression: ${reason}`);
	}
}

/** `/pattern/` as written, for messages. */
export function showPattern(pattern: string): string {
	return `/${pattern}/`;
}

function quote(text: string): string {
	return JSON.stringify(text);
}
