import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { isCasebookError } from '../errors.ts';
import { formatCosts } from './costs.ts';
import { formatFailure } from './failures.ts';
import { verify, type VerifyOutcome } from './run.ts';
import { parseShard } from './shard.ts';

/**
 * `npm run verify [-- --case <id>] [--offline]`: exit code 0 only when every claim holds.
 * `-- --shard I/N [--out DIR]` renders the I-th of N parts into DIR (see shard.ts);
 * `-- --merge DIR...` takes the shards' cache entries and writes the report.
 */
export async function runVerifyCli(argv: string[], root: string): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			case: { type: 'string', multiple: true },
			offline: { type: 'boolean', default: false },
			shard: { type: 'string' },
			out: { type: 'string' },
			merge: { type: 'boolean', default: false },
		},
	});
	try {
		if (positionals.length && !values.merge) {
			console.error(`verify: unexpected argument "${positionals[0]}" (shard folders follow --merge)`);
			return 2;
		}
		if (values.merge && !positionals.length) {
			console.error('verify: --merge takes the shard folders to merge, e.g. --merge shard-1 shard-2');
			return 2;
		}
		const config = loadConfig(root);
		if (values.offline) config.allowNetwork = false;
		const shard = values.shard === undefined ? undefined : parseShard(values.shard);
		const outcome = await verify({
			config,
			only: values.case,
			shard,
			shardOut: values.out && resolve(values.out),
			mergeFrom: values.merge ? positionals.map((dir) => resolve(dir)) : undefined,
		});
		for (const failure of outcome.failures) console.error(`\n${formatFailure(failure)}`);
		const { stats } = outcome;
		const summary = `${stats.renders} renders (${stats.cached} from cache, ${stats.helmProcesses} helm processes) in ${(stats.durationMs / 1000).toFixed(1)} s`;
		if (outcome.failures.length) {
			console.error(`\nverification failed: ${outcome.failures.length} problem(s); ${summary}`);
			return 1;
		}
		if (shard && outcome.shard) {
			console.log(
				`shard ${shard.index}/${shard.count}: ${summary}, of ${outcome.shard.planRenders} in the plan; no check failed on them. Merge the shard folders with \`npm run verify -- --merge DIR...\`.`,
			);
			return 0;
		}
		if (outcome.merged) console.log(`merged ${outcome.merged} shard(s)`);
		const report = outcome.report!;
		const verified = outcome.verified ?? [];
		const checks = verified.flatMap((c) => c.checks.map((check) => ({ case: c.id, check })));
		const skipped = checks.filter(({ check }) => check.status === 'skipped');
		const helms = [...new Set(verified.flatMap((c) => c.helm))];
		console.log(
			`verified ${verified.length} case(s), ${checks.length - skipped.length} check(s) with ${helms.map((h) => `helm ${h}`).join(' and ')}; ${summary}`,
		);
		for (const line of validationLines(outcome)) console.log(line);
		if (outcome.costs?.length) {
			console.log('renders per case (chart versions × helm majors; "its own": shared with no other claim):');
			for (const line of formatCosts(outcome.costs)) console.log(line);
		}
		if (skipped.length) {
			console.log(`${skipped.length} check(s) not run:`);
			for (const { case: id, check } of skipped) console.log(`  ${id}/${check.id}: ${check.reason}`);
		}
		if (report.missing.length) {
			console.log(
				`the report has no entry yet for ${report.missing.join(', ')}: the site is not built from it until \`npm run verify\` has verified every case`,
			);
		}
		return 0;
	} catch (error) {
		if (isCasebookError(error)) {
			console.error(error.format());
			return 1;
		}
		throw error;
	}
}

/**
 * What schema validation cost in this run (against the helm time of the renders it validated,
 * whose budget is 10%) and what it found in the charts' own output.
 */
function validationLines(outcome: VerifyOutcome): string[] {
	const { stats, report, verified = [] } = outcome;
	const schemas = report?.validation;
	if (!schemas) return [];
	const validated = stats.validated ?? 0;
	const lines = [
		validated
			? `schema validation (Kubernetes ${schemas.kubernetesVersion}, strict; ${schemas.package} ${schemas.packageVersion}): ${validated} render(s) validated in ${((stats.validationMs ?? 0) / 1000).toFixed(1)} s, ${((100 * (stats.validationMs ?? 0)) / Math.max(1, stats.validatedRenderMs ?? 0)).toFixed(1)}% of their ${((stats.validatedRenderMs ?? 0) / 1000).toFixed(1)} s of helm time (budget 10%)`
			: `schema validation (Kubernetes ${schemas.kubernetesVersion}, strict): every render's validation came from the cache`,
	];
	for (const c of verified) {
		const findings = [...c.checks.flatMap((check) => check.validation?.findings ?? []), ...(c.matrixValidation?.findings ?? [])];
		const chart = new Set(findings.filter((f) => !f.snippet).map((f) => `${f.rule} ${f.path} in ${f.document}`));
		const notChecked = new Set([...c.checks.flatMap((check) => check.validation?.notChecked ?? []), ...(c.matrixValidation?.notChecked ?? [])]);
		if (chart.size || notChecked.size) {
			lines.push(`  ${c.id}: ${chart.size} chart finding(s) (reported, not failed)${notChecked.size ? `; not schema-checked: ${[...notChecked].join(', ')}` : ''}`);
		}
	}
	return lines;
}
