import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCaptured } from '../process/run.ts';
import { caseFolder } from '../report/store.ts';
import { collectBudget, type BudgetFigures } from './budget.ts';
import { formatTable, kilobytes, total } from './budget-figures.ts';

/**
 * `npm run bench:scale`: how the verify step, the site build, the search index, the report and the
 * pages grow with the number of cases. For each N it writes N synthetic cases into a scratch
 * folder, verifies them (once to warm the caches, once timed), builds the site from them and
 * measures the build in Chromium, all through the same configuration the real build uses
 * (CASEBOOK_CONTENT, CASEBOOK_REPORT and `astro build --outDir`).
 */

/** The targets of issue 10 for 1,000 cases on two cores. */
export const SCALE_TARGETS = {
	siteBuildSeconds: 180,
	growth: 11,
	firstVisitKib: 40,
	firstSearchKib: 120,
	peakMemoryMib: 2048,
} as const;

export interface ScaleFigures {
	cases: number;
	/** Wall time of `npm run verify` with every render and evaluation cached. */
	verifyWarmMs: number;
	/** Wall time of `astro build` (pages, then Pagefind). */
	siteBuildMs: number;
	/** Pagefind's share of the site build, as Starlight logs it. */
	pagefindMs?: number;
	/**
	 * Pagefind run again on the built site on its own: inside the build it shares the process
	 * and the machine with what the build leaves behind, and its time there is noisy.
	 */
	pagefindAloneMs: number;
	/** Largest resident set of any process of verify or the build (KiB), when /usr/bin/time is there to tell. */
	peakRssKib?: number;
	/** The same for warm verify alone and for the site build alone. */
	verifyPeakRssKib?: number;
	buildPeakRssKib?: number;
	/** The report's index and every case file (report/store.ts). */
	reportBytes: number;
	/** The largest case file: what the site holds of the report per case it renders. */
	largestCaseFileBytes: number;
	casesApiBytes: number;
	/** Gzip bytes of the Pagefind files the first query fetched. */
	firstSearchGzip: number;
	homeGzip: number;
	casePageGzip: number;
	/** Pages in the build (HTML files). */
	htmlFiles: number;
}

export interface ScaleBenchOptions {
	root: string;
	counts: number[];
	/** Where the scratch folders go (one per N, removed first). */
	scratch: string;
	/** Writes the content folder of `count` cases. */
	writeContent(dir: string, count: number): void;
	/** Chromium for the page measurements. */
	browser: string;
	/** Keep each N's folder (content, report, site) after measuring it. */
	keep?: boolean;
	log?: (line: string) => void;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a node script of the project under /usr/bin/time (when present) and returns its wall time and peak memory. */
async function timed(root: string, args: string[], env: Record<string, string>): Promise<{ ms: number; rssKib?: number; stdout: string }> {
	const rssFile = join(env.CASEBOOK_SCRATCH!, 'rss.txt');
	const node = [process.execPath, ...args];
	const measured = existsSync(GNU_TIME);
	const [command, ...rest] = measured ? [GNU_TIME, '-o', rssFile, '-f', '%M', ...node] : node;
	const run = await runCaptured(command!, rest, { cwd: root, env: { ...process.env, ...env }, maxOutputBytes: 64 * 1024 * 1024 });
	if (run.exitCode !== 0) {
		throw new Error(`${args.join(' ')} failed (exit ${run.exitCode}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
	}
	const rssKib = measured ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : undefined;
	return { ms: run.durationMs, rssKib: Number.isFinite(rssKib) ? rssKib : undefined, stdout: run.stdout };
}

/** Starlight's `Finished building search index in 1.23s` (or `456ms`). */
export function pagefindMs(log: string): number | undefined {
	const match = /Finished building search index in ([\d.]+)(ms|s)/.exec(log);
	if (!match) return undefined;
	return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

export async function measureScale(count: number, options: ScaleBenchOptions): Promise<ScaleFigures> {
	const log = options.log ?? (() => {});
	const dir = join(options.scratch, String(count));
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	const content = join(dir, 'content');
	const report = join(dir, 'report.json');
	const site = join(dir, 'site');
	options.writeContent(content, count);
	const env = { CASEBOOK_CONTENT: content, CASEBOOK_REPORT: report, CASEBOOK_SCRATCH: dir };
	const verifyArgs = ['scripts/verify.ts', '--offline'];
	log(`${count} cases: verify (filling the caches)`);
	await timed(options.root, verifyArgs, env);
	log(`${count} cases: verify (warm)`);
	const verify = await timed(options.root, verifyArgs, env);
	log(`${count} cases: astro build`);
	const build = await timed(options.root, ['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', site], env);
	await writeFile(join(dir, 'build.log'), build.stdout);
	log(`${count} cases: Pagefind on its own`);
	const pagefind = await runCaptured(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', site, '--output-path', join(dir, 'pagefind-alone')], {
		cwd: options.root,
		env: process.env,
	});
	if (pagefind.exitCode !== 0) throw new Error(`pagefind failed (exit ${pagefind.exitCode}):\n${pagefind.stderr.slice(-3000)}`);
	log(`${count} cases: first visit and first search in Chromium`);
	const budget = await collectBudget({
		dir: site,
		base: '/',
		query: 'statefulset',
		browser: options.browser,
		paths: (cases, base) => [base, cases[0]!.url],
	});
	const figures: ScaleFigures = {
		cases: count,
		verifyWarmMs: verify.ms,
		siteBuildMs: build.ms,
		pagefindMs: pagefindMs(build.stdout),
		pagefindAloneMs: pagefind.durationMs,
		peakRssKib: verify.rssKib === undefined || build.rssKib === undefined ? undefined : Math.max(verify.rssKib, build.rssKib),
		verifyPeakRssKib: verify.rssKib,
		buildPeakRssKib: build.rssKib,
		...reportSizes(report),
		casesApiBytes: statSync(join(site, 'api', 'cases.json')).size,
		...pageWeights(budget),
		htmlFiles: countHtml(build.stdout),
	};
	if (!options.keep) await rm(dir, { recursive: true, force: true });
	return figures;
}

function reportSizes(index: string): Pick<ScaleFigures, 'reportBytes' | 'largestCaseFileBytes'> {
	const folder = caseFolder(index);
	const files = readdirSync(folder).map((name) => statSync(join(folder, name)).size);
	return { reportBytes: statSync(index).size + files.reduce((a, b) => a + b, 0), largestCaseFileBytes: Math.max(0, ...files) };
}

function pageWeights(budget: BudgetFigures): Pick<ScaleFigures, 'firstSearchGzip' | 'homeGzip' | 'casePageGzip'> {
	const [home, casePage] = budget.pages;
	return {
		firstSearchGzip: total(budget.firstSearch).gzip,
		homeGzip: total(home!.page).gzip,
		casePageGzip: total(casePage!.page).gzip,
	};
}

/** Starlight's `Found 1234 HTML files.` */
function countHtml(log: string): number {
	return Number(/Found (\d+) HTML files/.exec(log)?.[1] ?? 0);
}

export async function runScaleBench(options: ScaleBenchOptions): Promise<ScaleFigures[]> {
	const results: ScaleFigures[] = [];
	for (const count of options.counts) {
		const figures = await measureScale(count, options);
		results.push(figures);
		options.log?.(formatScale(results));
	}
	return results;
}

interface Row {
	label: string;
	value: (f: ScaleFigures) => number | undefined;
	format: (value: number) => string;
	/** The target at 1,000 cases, checked on the largest N. */
	target?: { limit: number; text: string };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const kib = (bytes: number) => kilobytes(bytes);
const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const ROWS: Row[] = [
	{ label: 'verify, warm (s)', value: (f) => f.verifyWarmMs, format: seconds },
	{
		label: 'astro build incl. Pagefind (s)',
		value: (f) => f.siteBuildMs,
		format: seconds,
		target: { limit: SCALE_TARGETS.siteBuildSeconds * 1000, text: `≤ ${SCALE_TARGETS.siteBuildSeconds} s` },
	},
	{ label: 'Pagefind indexing, in the build (s)', value: (f) => f.pagefindMs, format: seconds },
	{ label: 'Pagefind indexing, alone (s)', value: (f) => f.pagefindAloneMs, format: seconds },
	{ label: 'HTML files', value: (f) => f.htmlFiles, format: String },
	{
		label: 'peak memory (MiB)',
		value: (f) => f.peakRssKib && f.peakRssKib * 1024,
		format: mebibytes,
		target: { limit: SCALE_TARGETS.peakMemoryMib * 1024 * 1024, text: `≤ ${SCALE_TARGETS.peakMemoryMib} MiB` },
	},
	{ label: '  of which verify (MiB)', value: (f) => f.verifyPeakRssKib && f.verifyPeakRssKib * 1024, format: mebibytes },
	{ label: '  of which astro build (MiB)', value: (f) => f.buildPeakRssKib && f.buildPeakRssKib * 1024, format: mebibytes },
	{ label: 'report, index + case files (KiB)', value: (f) => f.reportBytes, format: kib },
	{ label: 'largest case file (KiB)', value: (f) => f.largestCaseFileBytes, format: kib },
	{ label: 'api/cases.json (KiB)', value: (f) => f.casesApiBytes, format: kib },
	{
		label: 'first search, gzip (KiB)',
		value: (f) => f.firstSearchGzip,
		format: kib,
		target: { limit: SCALE_TARGETS.firstSearchKib * 1024, text: `≤ ${SCALE_TARGETS.firstSearchKib} KiB` },
	},
	{
		label: 'first visit, home, gzip (KiB)',
		value: (f) => f.homeGzip,
		format: kib,
		target: { limit: SCALE_TARGETS.firstVisitKib * 1024, text: `≤ ${SCALE_TARGETS.firstVisitKib} KiB` },
	},
	{
		label: 'first visit, case page, gzip (KiB)',
		value: (f) => f.casePageGzip,
		format: kib,
		target: { limit: SCALE_TARGETS.firstVisitKib * 1024, text: `≤ ${SCALE_TARGETS.firstVisitKib} KiB` },
	},
];

/**
 * The table: one column per N, the growth from 100 to 1,000 cases (when both were measured; at
 * most 11x is linear or better) and the target, checked against the largest N.
 */
export function formatScale(results: readonly ScaleFigures[]): string {
	const byCount = new Map(results.map((f) => [f.cases, f]));
	const from = byCount.get(100);
	const to = byCount.get(1000);
	const largest = results.reduce((a, b) => (b.cases > a.cases ? b : a));
	const header = ['figure', ...results.map((f) => `${f.cases} cases`), 'growth 100→1000', `target (at ${largest.cases})`];
	const rows = ROWS.map((row) => {
		const cells = results.map((f) => {
			const value = row.value(f);
			return value === undefined ? 'n/a' : row.format(value);
		});
		const a = from && row.value(from);
		const b = to && row.value(to);
		const growth = a && b ? `${(b / a).toFixed(1)}x${b / a > SCALE_TARGETS.growth ? ' OVER' : ''}` : '';
		const value = row.value(largest);
		const target = row.target && value !== undefined ? `${row.target.text}: ${value <= row.target.limit ? 'within' : 'OVER'}` : '';
		return [row.label, ...cells, growth, target];
	});
	return formatTable([header, ...rows]);
}
