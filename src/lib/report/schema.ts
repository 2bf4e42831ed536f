import { z } from 'zod';
import { caseKindSchema } from '../case/schema.ts';

/**
 * The verification report: written by scripts/verify.ts, read by the site. Shaped for the pages:
 * everything a page shows about a check is here, already computed. On disk it is an index
 * (`.casebook/report.json`: `reportIndexSchema`) and one file per case beside it (store.ts), so a
 * reader loads only the cases it shows; `Report` is the whole of it, as verify holds it.
 */

/** 3: the index and one file per case (2 was one file). */
export const REPORT_VERSION = 3;

const chartRef = z.object({ repository: z.string(), name: z.string() });

export const helmInfoSchema = z.object({
	/** `3` or `4`, or `custom` for a user's own HELM_BIN. */
	major: z.string(),
	/** As printed by `helm version --short`, e.g. `v3.17.3+ge4da497`. */
	version: z.string(),
	/** Where the binary came from: the npm package it was extracted from, or HELM_BIN. */
	source: z.string(),
	sha256: z.string(),
});
export type HelmInfo = z.infer<typeof helmInfoSchema>;

export const chartVersionSchema = z.object({
	repository: z.string(),
	name: z.string(),
	version: z.string(),
	/** sha256 of the archive, equal to the digest in the repository index. */
	digest: z.string(),
	/** `mirror` for the offline mirror folder, `cache` for a pull from the official repository. */
	origin: z.enum(['mirror', 'cache']),
});
export type ChartVersionInfo = z.infer<typeof chartVersionSchema>;

export const reproduceSchema = z.object({
	/** Commands to run once, e.g. `helm repo add grafana https://grafana.github.io/helm-charts`. */
	setup: z.array(z.string()),
	/** The `helm template` command, one per chart version. */
	commands: z.array(z.object({ version: z.string(), command: z.string() })),
	/** Snippet files the commands pass with `-f`, in order. */
	files: z.array(z.string()),
});

export const assertionOutcomeSchema = z.object({
	/** Index in the check's `expect` list. */
	index: z.number(),
	kind: z.string(),
	/** One-line description, e.g. `equal spec.replicas on StatefulSet/t-tempo-ingester`. */
	label: z.string(),
	passed: z.boolean(),
	/** Present when failed: path, expected, actual and a diff, ready to print. */
	message: z.string().optional(),
});

export const renderRunSchema = z.object({
	version: z.string(),
	helm: z.string(),
	passed: z.boolean(),
	exitCode: z.number(),
	cached: z.boolean(),
	/** On the first run of a check and on every failed run; a later passed run passed the same list. */
	assertions: z.array(assertionOutcomeSchema).optional(),
});

export const excerptSchema = z.object({
	/** `Kind/name`. */
	document: z.string(),
	/** Template file from helm's `# Source:` line. */
	source: z.string().optional(),
	/** Chart version the excerpt was rendered from. */
	version: z.string(),
	yaml: z.string(),
	/** True when long sections were elided to keep the excerpt short. */
	trimmed: z.boolean(),
});

/** A strict schema validation finding (src/lib/validate), said once for the versions it occurs in. */
export const schemaFindingSchema = z.object({
	rule: z.enum(['unknown-field', 'wrong-type', 'missing-field', 'duplicate-key', 'unknown-kind', 'not-yaml']),
	/** `Kind/name`. */
	document: z.string(),
	/** Template file from helm's `# Source:` line. */
	source: z.string().optional(),
	/** e.g. `spec.template.spec.containers[1].image`. */
	path: z.string(),
	expected: z.string(),
	found: z.string(),
	/** Chart versions whose render has it, as ranges of the versions rendered. */
	versions: z.string(),
	/** A snippet finding (the build fails): the snippet and the article line that wrote the field. */
	snippet: z.object({ id: z.string(), line: z.number() }).optional(),
});
export type SchemaFindingReport = z.infer<typeof schemaFindingSchema>;

export const validationSummarySchema = z.object({
	/** The Kubernetes minor the schemas are of, as the page says it: `1.32`. */
	kubernetes: z.string(),
	/** `valid`; `chart`: findings in the chart's own output only (reported, not failed); `snippet`: a snippet wrote one. */
	status: z.enum(['valid', 'chart', 'snippet']),
	findings: z.array(schemaFindingSchema),
	/** `apiVersion kind` of custom resources rendered with no schema to check them against. */
	notChecked: z.array(z.string()),
	/** The check renders a snippet where the page says it breaks (`invalidKubernetes: true`): the findings are its claim. */
	expectedInvalid: z.boolean().optional(),
});
export type ValidationSummaryReport = z.infer<typeof validationSummarySchema>;

export const checkReportSchema = z.object({
	id: z.string(),
	title: z.string(),
	/**
	 * `skipped`: not run in this build, because none of the configured helm majors may run it
	 * (the check is limited with `helm: [...]`); `reason` says so. A skipped check is not a
	 * failure, and never counts as verified: it has no runs.
	 */
	status: z.enum(['passed', 'failed', 'skipped']),
	/** Why a skipped check was not run, e.g. `needs helm 4, not configured`. */
	reason: z.string().optional(),
	chart: chartRef,
	versions: z.array(chartVersionSchema),
	helm: z.array(z.string()),
	release: z.string(),
	namespace: z.string(),
	/** Snippet ids applied as values, in order. */
	values: z.array(z.string()),
	set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
	/** Set when the check expects the render to fail: the stderr of the first failing render. */
	error: z.string().optional(),
	reproduce: reproduceSchema,
	excerpts: z.array(excerptSchema),
	runs: z.array(renderRunSchema),
	/** Strict Kubernetes schema validation of every document of the check's renders. */
	validation: validationSummarySchema.optional(),
	/** The checks file and 1-based line of the check's `- id:`, for error messages and source links. */
	file: z.string(),
	line: z.number(),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

export const verdictSchema = z.enum(['affected', 'fixed', 'not-affected', 'not-applicable']);
export type Verdict = z.infer<typeof verdictSchema>;

export const matrixEntrySchema = z.object({
	repository: z.string(),
	chart: z.string(),
	version: z.string(),
	verdict: verdictSchema,
	digest: z.string(),
	/** For not-applicable versions: why. */
	reason: z.string().optional(),
	/** First failed assertion's label, for affected versions. */
	failure: z.string().optional(),
});
export type MatrixEntry = z.infer<typeof matrixEntrySchema>;

export const snippetReportSchema = z.object({
	id: z.string(),
	lang: z.string(),
	title: z.string().optional(),
	line: z.number(),
	illustrative: z.boolean(),
	/** File name used by downloads and by `-f` in reproduce commands. */
	fileName: z.string(),
	text: z.string(),
	/** Checks that apply this snippet. */
	checks: z.array(z.string()),
});
export type SnippetReport = z.infer<typeof snippetReportSchema>;

export const caseReportSchema = z.object({
	id: z.string(),
	title: z.string(),
	/** Article path relative to the project root, e.g. `content/docs/tempo/ingester-missing.mdx`. */
	file: z.string(),
	/** Site slug (no leading or trailing slash). */
	slug: z.string(),
	/** sha256 of the article source; lets the site refuse a stale report. */
	sourceHash: z.string(),
	product: z.string(),
	component: z.string(),
	chart: chartRef,
	affected: z.object({ declared: z.string(), versions: z.array(z.string()) }),
	fixedIn: z.string().nullable(),
	/** How the matrix reads (see caseKindSchema in case/schema.ts). */
	kinds: z.array(caseKindSchema),
	/** A pitfall's setting, what works instead per range, and per rendered version which range applies. */
	pitfall: z
		.object({ setting: z.string(), instead: z.array(z.string()), byVersion: z.record(z.string(), z.number()) })
		.optional(),
	status: z.enum(['passed', 'failed']),
	verifiedAt: z.string(),
	helm: z.array(z.string()),
	snippets: z.array(snippetReportSchema),
	checks: z.array(checkReportSchema),
	matrix: z.array(matrixEntrySchema),
	/** The case's detection rules, verified in this build (`npm run check`; src/lib/check/publish.ts). */
	detect: z
		.object({
			charts: z.array(chartRef),
			rules: z.array(z.looseObject({ id: z.string(), title: z.string() })),
		})
		.optional(),
	/** Strict schema validation of the matrix renders: chart findings summarised per version range. */
	matrixValidation: validationSummarySchema.optional(),
});
export type CaseReport = z.infer<typeof caseReportSchema>;

export const reportSchema = z.object({
	reportVersion: z.literal(REPORT_VERSION),
	generatedAt: z.string(),
	helm: z.array(helmInfoSchema),
	/**
	 * `failed` when a case failed; `incomplete` when `missing` names cases (a report begun by
	 * `npm run verify -- --case <id>` with no full report to merge into); else `passed`. The site
	 * is built only from a passed report.
	 */
	status: z.enum(['passed', 'failed', 'incomplete']),
	/** Ids of cases with an article but no entry in this report. */
	missing: z.array(z.string()).default([]),
	cases: z.array(caseReportSchema),
	/** The schemas every render was validated against (src/lib/validate/schema-set.ts). */
	validation: z
		.object({ schemaSet: z.string(), kubernetesVersion: z.string(), package: z.string(), packageVersion: z.string() })
		.optional(),
	stats: z.object({
		renders: z.number(),
		cached: z.number(),
		durationMs: z.number(),
	}),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * A case as the index lists it: enough to find its file, refuse a stale one and merge a partial
 * run, nothing a page shows. `report` is the case file's name in the cases folder (store.ts).
 */
export const caseIndexEntrySchema = z.object({
	id: z.string(),
	file: z.string(),
	slug: z.string(),
	sourceHash: z.string(),
	status: caseReportSchema.shape.status,
	verifiedAt: z.string(),
	helm: z.array(z.string()),
	report: z.string(),
});
export type CaseIndexEntry = z.infer<typeof caseIndexEntrySchema>;

export const reportIndexSchema = reportSchema.extend({ cases: z.array(caseIndexEntrySchema) });
export type ReportIndex = z.infer<typeof reportIndexSchema>;
