import type { Evidence } from './evaluate-rules.ts';
import type { CaseMatch, CheckResult } from './result.ts';

/** The human-readable report of `npm run check`: per case that applies, why, what to do, where to read. */
export function formatCheckText(result: CheckResult): string {
	const lines: string[] = [];
	const chart = `${result.chart.repository}/${result.chart.name}`;
	const subject = result.upgradeFrom ? `${chart} ${result.upgradeFrom.version} -> ${result.chart.version}` : `${chart} ${result.chart.version}`;
	const values = [...result.values.map((f) => `-f ${f}`), ...result.set.map((s) => `--set ${s}`)];
	lines.push(`check: ${subject}, release ${result.release} in namespace ${result.namespace}, ${values.length ? values.join(' ') : 'default values'}`);
	const { renders, cached } = result.renders;
	lines.push(
		`${renders} render${renders === 1 ? '' : 's'} (${cached} from cache) with helm ${result.helm.map(shortHelm).join(' and ')} in ${(result.durationMs / 1000).toFixed(1)} s; ` +
			`${result.casesChecked.length} ${result.casesChecked.length === 1 ? 'case knows' : 'cases know'} this chart`,
	);
	if (result.upgrade) {
		const { starts, stops, transitions } = result.upgrade;
		const change = `applies to ${result.upgradeFrom!.version}, and upgrading to ${result.chart.version} is the change it describes`;
		for (const c of transitions) lines.push('', ...caseBlock('CROSSES', c, change));
		for (const c of result.applies) lines.push('', ...caseBlock(starts.includes(c.id) ? 'STARTS' : 'APPLIES', c));
		for (const id of stops) lines.push('', `STOPS    ${id}: applied to ${result.upgradeFrom!.version}, not to ${result.chart.version}`);
	} else {
		for (const c of result.applies) lines.push('', ...caseBlock('APPLIES', c));
	}
	lines.push('', summary(result));
	return lines.join('\n');
}

function caseBlock(label: string, c: CaseMatch, note?: string): string[] {
	const lines = [`${label.padEnd(8)} ${c.id}`, `  ${c.title}`];
	if (note) lines.push(`  when: ${note}`);
	for (const rule of c.rules) {
		lines.push(`  why:  ${rule.title} (rule ${rule.id}, helm ${rule.helm.map(shortHelm).join(' and ')})`);
		for (const evidence of rule.evidence) lines.push(...evidenceLines(evidence));
	}
	if (c.action) lines.push(`  do:   ${c.action}`);
	lines.push(`  read: ${c.permalink}`);
	return lines;
}

function evidenceLines(evidence: Evidence): string[] {
	const lines = [`        - ${evidence.condition}`];
	const where = evidence.file !== undefined ? `${evidence.file}:${evidence.line}` : evidence.document;
	if (evidence.found === undefined) return where ? [...lines, `          ${where}`] : lines;
	const found = evidence.found.split('\n');
	const lead = where ? `${where}: ` : 'found: ';
	if (found.length === 1) return [...lines, `          ${lead}${found[0]}`];
	return [...lines, `          ${lead.trimEnd()}`, ...found.map((line) => `            ${line}`)];
}

/** `v3.17.3+ge4da497` as `v3.17.3`: the build suffix is in --json. */
function shortHelm(version: string): string {
	return version.replace(/\+.*$/, '');
}

function summary(result: CheckResult): string {
	const n = result.applies.length;
	const crossed = result.upgrade?.transitions.length ?? 0;
	const parts = [`${n} of ${result.casesChecked.length} case${result.casesChecked.length === 1 ? '' : 's'} appl${n === 1 ? 'ies' : 'y'}`];
	if (result.upgrade) parts.push(`${crossed} transition${crossed === 1 ? '' : 's'} crossed`);
	return parts.join(', ');
}
