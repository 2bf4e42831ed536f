import semver from 'semver';
import { z } from 'zod';
import { expectationSchema, type Expectation } from '../case/expectation-schema.ts';

/**
 * Detection rules: how a case is recognised in someone else's release. A rule is a small tree of
 * conditions over three things a team has in hand before it deploys: the render of its chart
 * version with its values (the expectation vocabulary of the checks, `not` included), the values
 * it set, and the chart version. The same rules are evaluated by `npm run check`, verified by
 * `npm run verify` against the case's own renders, and published in api/cases.json.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

const versionRange = z
	.string()
	.refine((v) => semver.validRange(v, { includePrerelease: true }) !== null, {
		message: 'expected a semver range such as "<1.21.1"',
	});

/**
 * A values path the user set: `a.b.c`, `a["dotted.key"]`. Without `equals` it holds when the path
 * is present and not null; with `equals`, when the value there equals it. `not: true` negates, so
 * `{ path: sidecar.rules.enabled, equals: false, not: true }` reads "not switched off".
 */
const valueConditionSchema = z
	.object({
		path: z.string().min(1),
		equals: z.unknown().optional(),
		not: z.boolean().optional(),
	})
	.strict();
export type ValueCondition = z.output<typeof valueConditionSchema>;

export type Condition =
	| { kind: 'render'; expectation: Expectation }
	| { kind: 'values'; body: ValueCondition }
	| { kind: 'chartVersion'; range: string }
	| { kind: 'all'; conditions: Condition[] }
	| { kind: 'any'; conditions: Condition[] };

const groupKeys = ['all', 'any', 'values', 'chartVersion'];

/**
 * One list item: `values: {...}`, `chartVersion: '<1.21.1'`, `all: [...]`, `any: [...]`, or one
 * assertion of the checks' vocabulary (`documentExists: ...`, `equal: {...}`, ...).
 */
export const conditionSchema: z.ZodType<Condition, unknown> = z.lazy(() =>
	z.union([
		z.strictObject({ values: valueConditionSchema }).transform((c): Condition => ({ kind: 'values', body: c.values })),
		z.strictObject({ chartVersion: versionRange }).transform((c): Condition => ({ kind: 'chartVersion', range: c.chartVersion })),
		z.strictObject({ all: z.array(conditionSchema).min(1) }).transform((c): Condition => ({ kind: 'all', conditions: c.all })),
		z.strictObject({ any: z.array(conditionSchema).min(1) }).transform((c): Condition => ({ kind: 'any', conditions: c.any })),
		z
			.custom<Record<string, unknown>>(
				(input) => typeof input === 'object' && input !== null && !groupKeys.some((key) => key in input),
			)
			.pipe(expectationSchema)
			.transform((expectation): Condition => ({ kind: 'render', expectation })),
	]),
);

export const detectionRuleSchema = z
	.object({
		/** Stable id: named in the command's output, the JSON result and SARIF (`<case>/<rule>`). */
		id: slug,
		/** Why the case applies when the rule matches, in a reader's words. */
		title: z.string().min(1),
		all: z.array(conditionSchema).min(1).optional(),
		any: z.array(conditionSchema).min(1).optional(),
	})
	.strict()
	.refine((rule) => (rule.all === undefined) !== (rule.any === undefined), {
		message: 'give exactly one of "all" or "any"',
	});
export type DetectionRule = z.output<typeof detectionRuleSchema>;

const chartRef = z.object({ repository: slug, name: slug }).strict();

/** The `detect:` section of a checks file. */
export const detectSchema = z
	.object({
		/** Charts the rules are written for; by default the case's chart. */
		charts: z.array(chartRef).min(1).optional(),
		/** The case applies when any rule matches. */
		rules: z.array(detectionRuleSchema).min(1),
		/**
		 * Checks whose every render the rules must recognise (`applies`) or must leave alone
		 * (`doesNotApply`), besides the matrix: the snippets a reader copies are tested too.
		 */
		examples: z
			.object({ applies: z.array(slug).default([]), doesNotApply: z.array(slug).default([]) })
			.strict()
			.optional(),
	})
	.strict();
export type Detect = z.output<typeof detectSchema>;

/** The rule's top-level conditions as one group. */
export function ruleCondition(rule: DetectionRule): Condition {
	return rule.all ? { kind: 'all', conditions: rule.all } : { kind: 'any', conditions: rule.any! };
}
