import type { CaseArticle } from '../verify/articles.ts';
import type { Failure } from '../verify/failures.ts';
import { ownerLabel, type RenderUse } from '../verify/plan.ts';
import { describeFinding, type RenderValidation, type SchemaFinding } from './finding.ts';
import type { SchemaSet } from './schema-set.ts';
import { versionRanges } from './summary.ts';

/** A render use with the validation of its render (absent when the render failed). */
export interface ValidatedUse {
	use: RenderUse;
	validation?: RenderValidation;
}

/** A finding as the report and the page show it: where, what, on which versions, and which snippet wrote it. */
export interface ReportedFinding extends Omit<SchemaFinding, 'origin'> {
	/** Chart versions (a list or ranges) whose render has it. */
	versions: string;
	/** Set for a snippet finding: the snippet and the article line of the offending field. */
	snippet?: { id: string; line: number };
}

export interface ValidationSummary {
	/** `1.32`. */
	kubernetes: string;
	/** `valid`: no finding; `chart`: findings in the chart's own output only; `snippet`: a snippet wrote one (the build fails). */
	status: 'valid' | 'chart' | 'snippet';
	findings: ReportedFinding[];
	/** `apiVersion kind` of custom resources rendered without a schema to check them against. */
	notChecked: string[];
}

/** The kubernetes minor the schemas are of, as a page says it: `1.32`. */
export function kubernetesMinor(schemas: Pick<SchemaSet, 'kubernetesVersion'>): string {
	return schemas.kubernetesVersion.split('.').slice(0, 2).join('.');
}

/**
 * Findings of a set of renders (one check's, or a case's matrix), each said once with the
 * versions it occurs in, summarised as ranges of the versions rendered.
 */
export function summariseValidation(
	article: CaseArticle,
	uses: ValidatedUse[],
	schemas: Pick<SchemaSet, 'kubernetesVersion'>,
): ValidationSummary | undefined {
	const validated = uses.filter((u) => u.validation);
	if (validated.length === 0) return undefined;
	const rendered = new Set(uses.map((u) => u.use.chart.version));
	const grouped = new Map<string, { finding: ReportedFinding; versions: Set<string> }>();
	const notChecked = new Set<string>();
	for (const { use, validation } of validated) {
		for (const kind of validation!.notChecked) notChecked.add(kind);
		for (const { origin, ...finding } of validation!.findings) {
			const snippet = origin ? snippetOf(article, use, origin) : undefined;
			const key = JSON.stringify([finding.rule, finding.document, finding.source, finding.path, finding.expected, finding.found, snippet]);
			let entry = grouped.get(key);
			if (!entry) {
				entry = { finding: { ...finding, versions: '', ...(snippet ? { snippet } : {}) }, versions: new Set() };
				grouped.set(key, entry);
			}
			entry.versions.add(use.chart.version);
		}
	}
	const findings = [...grouped.values()].map(({ finding, versions }) => ({ ...finding, versions: versionRanges(versions, rendered) }));
	const status = findings.some((f) => f.snippet) ? 'snippet' : findings.length ? 'chart' : 'valid';
	return { kubernetes: kubernetesMinor(schemas), status, findings, notChecked: [...notChecked].sort() };
}

/** The article line of a values file line, through the snippet the owner applies as that file. */
function snippetOf(article: CaseArticle, use: RenderUse, origin: { valuesFile: number; line: number }): { id: string; line: number } | undefined {
	const ids = use.owner.kind === 'check' ? use.owner.check.values : use.owner.segment.values;
	const id = ids[origin.valuesFile];
	const snippet = id === undefined ? undefined : article.snippets.find((s) => s.id === id);
	if (!snippet) return undefined;
	return { id: snippet.id!, line: snippet.contentLine + origin.line - 1 };
}

/** One failure per snippet finding, at the snippet's line in the article. */
export function snippetFailures(article: CaseArticle, uses: ValidatedUse[], schemas: Pick<SchemaSet, 'kubernetesVersion'>): Failure[] {
	const failures: Failure[] = [];
	const seen = new Set<string>();
	const byOwner = new Map<string, ValidatedUse[]>();
	for (const u of uses) {
		const label = ownerLabel(u.use.owner);
		byOwner.set(label, [...(byOwner.get(label) ?? []), u]);
	}
	for (const [label, ownUses] of byOwner) {
		const owner = ownUses[0]!.use.owner;
		const summary = summariseValidation(article, ownUses, schemas);
		if (owner.kind === 'check' && owner.check.invalidKubernetes) {
			// A render broken on purpose: the claim is that it is broken.
			if (summary && summary.findings.length === 0) {
				failures.push({
					...article.locate(['case', 'checks', owner.index, 'invalidKubernetes']),
					message: `${label} says its renders are not valid Kubernetes (invalidKubernetes: true), but every document of them is valid for Kubernetes ${kubernetesMinor(schemas)}`,
				});
			}
			continue;
		}
		for (const finding of summary?.findings ?? []) {
			if (!finding.snippet) continue;
			const key = JSON.stringify([finding.snippet, finding.rule, finding.path, finding.document]);
			if (seen.has(key)) continue;
			seen.add(key);
			failures.push({
				file: article.file,
				line: finding.snippet.line,
				message: `snippet "${finding.snippet.id}" renders an object Kubernetes ${kubernetesMinor(schemas)} would reject (strict): ${describeFinding(finding)}`,
				detail: [`expected: ${finding.expected}`, `found:    ${finding.found}`, `rendered by ${label} on ${finding.versions}`].join('\n'),
			});
		}
	}
	return failures;
}
