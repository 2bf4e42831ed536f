import semver from 'semver';
import { z } from 'zod';
import { documentSelectorSchema, expectationSchema } from './expectation-schema.ts';
import { textOnlyStarlightFields } from './starlight-fields.ts';

/**
 * The case metadata an article declares in its frontmatter under `case:`. The same schema is
 * used by the verifier (scripts/verify.ts) and by the site's content collection, so a page can
 * only be built from frontmatter that the verifier also accepted.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

/**
 * A component name such as `ingester` or `query-frontend`. It is a search filter, and Pagefind's
 * UI inserts filter values into the page as HTML (`{@html value}` in @pagefind/default-ui's
 * filters.svelte; Pagefind stores the decoded text, so escaping on the page does not help): the
 * name is kept to characters that cannot form markup.
 */
const componentName = z
	.string()
	.regex(
		/^[\p{L}\p{N}][\p{L}\p{N} ._/+(),-]*$/u,
		'expected a component name of letters, digits, spaces and . _ - / + ( ) , (it is shown as a search filter, which Pagefind renders as HTML)',
	);

const exactVersion = z
	.string()
	.refine((v) => semver.valid(v) === v, { message: 'expected an exact chart version such as "1.13.2"' });

const versionRange = z
	.string()
	.refine((v) => semver.validRange(v, { includePrerelease: true }) !== null, {
		message: 'expected a semver range such as ">=1.13.0 <1.13.2"',
	});

/** A list of exact versions, or one semver range resolved against the chart repository index. */
export const versionSelectionSchema = z.union([z.array(exactVersion).min(1), versionRange]);
export type VersionSelection = z.infer<typeof versionSelectionSchema>;

export const chartRefSchema = z
	.object({
		/** Folder name of the chart repository mirror, e.g. `grafana` or `prometheus-community`. */
		repository: slug,
		name: slug,
	})
	.strict();
export type ChartRef = z.infer<typeof chartRefSchema>;

const setValue = z.union([z.string(), z.number(), z.boolean()]);
/** `--set` overrides; strings are passed with `--set-string` so "true" stays a string. */
export const setValuesSchema = z.record(z.string().min(1), setValue);

const renderOptions = {
	release: slug.optional(),
	namespace: slug.optional(),
	kubeVersion: z
		.string()
		.regex(/^v?\d+\.\d+(\.\d+)?$/, 'expected a Kubernetes version such as "1.32.0"')
		.optional(),
	/** Snippet ids from the article body, applied in order as `-f` files. */
	values: z.array(slug).default([]),
	set: setValuesSchema.default({}),
};

export const helmMajorSchema = z.enum(['3', '4']);

export const checkSchema = z
	.object({
		id: slug,
		title: z.string().min(1),
		chart: chartRefSchema.optional(),
		versions: versionSelectionSchema,
		...renderOptions,
		/** `--show-only` templates; a render that shows nothing fails, which failedTemplate can assert. */
		showOnly: z.array(z.string().min(1)).default([]),
		/** Documents to excerpt on the page; by default every document an assertion selects. */
		excerpt: z.array(documentSelectorSchema).optional(),
		/** Limit to one helm major; by default a check runs under every configured helm. */
		helm: z.array(helmMajorSchema).min(1).optional(),
		expect: z.array(expectationSchema).min(1),
	})
	.strict();
export type Check = z.output<typeof checkSchema>;

export const matrixSegmentSchema = z
	.object({
		chart: chartRefSchema.optional(),
		versions: versionSelectionSchema,
		...renderOptions,
		/** The assertions a healthy render satisfies; a version that fails them is affected. */
		expect: z.array(expectationSchema).min(1),
		/**
		 * Marks versions where the case does not apply by design (say, a component removed on
		 * purpose). `expect` then asserts that design instead, and must hold for every version.
		 */
		notApplicable: z.string().min(1).optional(),
	})
	.strict();
export type MatrixSegment = z.output<typeof matrixSegmentSchema>;

export const caseSchema = z
	.object({
		/** Permanent id: the `/cases/<id>/` permalink and the key in api/cases.json. Never change it. */
		id: slug,
		product: z.enum(['tempo', 'loki', 'prometheus']),
		component: componentName,
		chart: chartRefSchema,
		/** Affected versions in words a reader sees; must equal the set the matrix computes. */
		affected: versionRange,
		/** First version after the affected ones that passes; null when no release fixes it. */
		fixedIn: exactVersion.nullable(),
		/** Short status line for listings, e.g. "Fixed in 1.13.2". */
		status: z.string().min(1).optional(),
		/** What an engineer sees, in their words: boosted in search. */
		symptoms: z.array(z.string().min(1)).default([]),
		/** Exact error or log lines: boosted in search. */
		errors: z.array(z.string().min(1)).default([]),
		/** Resources the case is about, as `Kind/name`. */
		resources: z.array(z.string().min(1)).default([]),
		/** Earlier slugs of this article; each gets a redirect page. */
		aliases: z.array(z.string().regex(/^[a-z0-9][a-z0-9/-]*$/)).default([]),
		/** Release name and namespace used by every render unless a check overrides them. */
		release: slug.default('t'),
		namespace: slug,
		kubeVersion: renderOptions.kubeVersion,
		/** Values every render of this case needs (a chart's minimal required values). */
		set: setValuesSchema.default({}),
		matrix: z.array(matrixSegmentSchema).min(1),
		checks: z.array(checkSchema).min(1),
	})
	.strict()
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.checks.forEach((check, i) => {
			if (seen.has(check.id)) {
				ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${check.id}"` });
			}
			seen.add(check.id);
		});
		if (c.fixedIn && semver.satisfies(c.fixedIn, c.affected, { includePrerelease: true })) {
			ctx.addIssue({
				code: 'custom',
				path: ['fixedIn'],
				message: `fixedIn ${c.fixedIn} lies inside the affected range "${c.affected}"`,
			});
		}
	});
export type Case = z.output<typeof caseSchema>;

/**
 * The frontmatter fields this project adds to Starlight's docs schema, and the Starlight fields it
 * narrows so that no frontmatter text reaches a page as markup or as a script link.
 */
export const casebookFrontmatterSchema = z.object({
	case: caseSchema.optional(),
	...textOnlyStarlightFields,
});
