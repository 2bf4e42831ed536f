import { gzipSync } from 'node:zlib';

/**
 * The arithmetic of `npm run budget`: sizes of what a browser fetched, how much of the JavaScript
 * it ran, and the table that reports both. Pure, so it is tested without a browser.
 */

export interface Transfer {
	url: string;
	/** Body bytes as served (the static server does not compress). */
	raw: number;
	/** Body bytes after gzip, as a compressing host would send them. */
	gzip: number;
}

export function transfer(url: string, body: Buffer): Transfer {
	return { url, raw: body.length, gzip: gzipSync(body).length };
}

export function total(transfers: readonly Transfer[]): { requests: number; raw: number; gzip: number } {
	return transfers.reduce((sum, t) => ({ requests: sum.requests + 1, raw: sum.raw + t.raw, gzip: sum.gzip + t.gzip }), {
		requests: 0,
		raw: 0,
		gzip: 0,
	});
}

/** V8 block coverage of one script, as Playwright's `page.coverage.stopJSCoverage()` returns it. */
export interface ScriptCoverage {
	url: string;
	source?: string;
	functions: Array<{ ranges: Array<{ startOffset: number; endOffset: number; count: number }> }>;
}

/**
 * Characters of a script that ran at least once. V8 reports nested ranges (a function, the blocks
 * inside it); the innermost range decides, so ranges are applied outermost first.
 */
export function usedBytes(script: ScriptCoverage): { total: number; used: number } {
	const length = script.source?.length ?? 0;
	const marks = new Uint8Array(length);
	const ranges = script.functions
		.flatMap((f) => f.ranges)
		.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
	for (const range of ranges) marks.fill(range.count > 0 ? 1 : 0, range.startOffset, Math.min(range.endOffset, length));
	let used = 0;
	for (const mark of marks) used += mark;
	return { total: length, used };
}

export function kilobytes(bytes: number): string {
	return (bytes / 1024).toFixed(1);
}

/** A plain-text table: the first row is the header, numbers are right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
	const numeric = (cell: string) => /^[\d.,%]+$/.test(cell);
	const line = (row: readonly string[]) =>
		row.map((cell, i) => (numeric(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
	return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** `within` / `OVER` against a budget in KiB. */
export function verdict(bytes: number, budgetKib: number): string {
	return bytes <= budgetKib * 1024 ? 'within' : 'OVER';
}
