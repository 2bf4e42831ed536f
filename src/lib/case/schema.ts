import semver from 'semver';
import { z } from 'zod';
import { documentSelectorSchema, expectationSchema } from './expectation-schema.ts';
import { textOnlyStarlightFields } from './starlight-fields.ts';
import { translatedCaseSchema, translationSchema } from './translation.ts';
import { detectSchema } from '../check/rules-schema.ts';

/**
 * A case is declared in two places: what a reader sees about it in the article's frontmatter
 * under `case:` (caseFrontmatterSchema, also the site's content collection schema, so a page can
 * only be built from frontmatter the verifier accepted), and what the verifier runs in the
 * checks file beside the article (caseChecksSchema). caseSchema is the two joined.
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

/** YAML reads an unquoted 1.40 as the number 1.4: say so instead of "expected string". */
function quoteVersionsHint(input: unknown): string | undefined {
	const number = Array.isArray(input) ? input.find((item) => typeof item === 'number') : input;
	if (typeof number !== 'number') return undefined;
	const example = String(number).includes('.') ? `${number}.0` : `${number}.0.0`;
	return `write versions as strings in quotes, e.g. '${example}' (YAML read ${number} as a number)`;
}

const versionText = z.string({ error: (issue) => quoteVersionsHint(issue.input) });

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

const exactVersion = versionText
	.refine((v) => semver.valid(v) === v, { message: 'expected an exact chart version such as "1.13.2"' });

const versionRange = versionText
	.refine((v) => semver.validRange(v, { includePrerelease: true }) !== null, {
		message: 'expected a semver range such as ">=1.13.0 <1.13.2"',
	});

/** A list of exact versions, or one semver range resolved against the chart repository index. */
export const versionSelectionSchema = z.union([z.array(exactVersion).min(1), versionRange], {
	error: (issue) =>
		quoteVersionsHint(issue.input) ??
		"expected a list of exact versions or one semver range, e.g. ['1.13.0'] or '>=1.13.0 <1.13.2'",
});
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
		/**
		 * The check applies a snippet where the page says it does not work, and its render is not
		 * valid Kubernetes on purpose: schema findings are reported with the check instead of
		 * failing the build, and the build fails if the renders turn out valid.
		 */
		invalidKubernetes: z.literal(true).optional(),
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

/**
 * How a statement about a chart is known: a check of this case that passed in this build, a
 * line of the chart's source or an upstream report, or the author's inference (said as such).
 */
export const knownSchema = z.union([
	z.object({ check: slug }).strict(),
	z
		.object({
			source: z.url({ protocol: /^https$/ }),
			/** What the link is, e.g. `templates/ingester/statefulset-ingester.yaml` or `grafana/helm-charts#3199`. */
			label: z.string().min(1),
		})
		.strict(),
	z.object({ inference: z.string().min(1).describe('why it follows') }).strict(),
]);
export type Known = z.output<typeof knownSchema>;

export const statementSchema = z.object({ text: z.string().min(1), known: knownSchema }).strict();
export type Statement = z.output<typeof statementSchema>;

/**
 * The first screen of a case: who is hit, the one thing to do now, and how to confirm it.
 * A confirmation that a render can show names the check that renders it (the page shows that
 * check's command and the output it asserts); one that needs a cluster is a command with how
 * its meaning is known.
 */
export const answerSchema = z
	.object({
		who: statementSchema,
		action: statementSchema,
		confirm: z.union([
			z.object({ check: slug, text: z.string().min(1) }).strict(),
			z.object({ command: z.string().min(1), text: z.string().min(1), known: knownSchema }).strict(),
		]),
	})
	.strict();
export type Answer = z.output<typeof answerSchema>;

/**
 * What kind of problem a case is; it decides how the matrix's two sets of versions (failing and
 * passing the healthy assertions) are read. `regression`: failing versions are broken, the first
 * passing one after them fixes it. `transition`: the first passing version changes behaviour, and
 * an upgrade from a failing to a passing version crosses the change. `pitfall`: a setting that
 * never does what it seems, in every version of `pitfall.versions`; `pitfall.instead` says what
 * works per version range.
 */
export const caseKindSchema = z.enum(['regression', 'transition', 'pitfall']);
export type CaseKind = z.output<typeof caseKindSchema>;

export const pitfallSchema = z
	.object({
		/** The setting and what it does not do, e.g. "server.replicaCount above 1 without StatefulSet mode". */
		setting: z.string().min(1),
		/** Every version where it holds; the check must render exactly these versions. */
		versions: versionRange,
		check: slug,
		/** What works instead, per version range, each backed by a check. */
		instead: z
			.array(z.object({ versions: versionRange, text: z.string().min(1), check: slug }).strict())
			.min(1),
	})
	.strict();
export type Pitfall = z.output<typeof pitfallSchema>;

export const caseFrontmatterSchema = z
	.object({
		/** Permanent id: the `/cases/<id>/` permalink and the key in api/cases.json. Never change it. */
		id: slug,
		product: z.enum(['tempo', 'loki', 'prometheus']),
		component: componentName,
		chart: chartRefSchema,
		kinds: z.array(caseKindSchema).min(1).default(['regression']),
		/** Versions failing the matrix's healthy assertions; must equal the set the matrix computes. */
		affected: versionRange,
		/** First version after the affected ones that passes; null when none does. */
		fixedIn: exactVersion.nullable(),
		answer: answerSchema.optional(),
		pitfall: pitfallSchema.optional(),
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
	})
	.strict();
export type CaseFrontmatter = z.output<typeof caseFrontmatterSchema>;

/** The checks file beside a case article: how every render is made and what it must show. */
export const caseChecksSchema = z
	.object({
		/** Release name and namespace used by every render unless a check overrides them. */
		release: slug.default('t'),
		namespace: slug,
		kubeVersion: renderOptions.kubeVersion,
		/** Values every render of this case needs (a chart's minimal required values). */
		set: setValuesSchema.default({}),
		matrix: z.array(matrixSegmentSchema).min(1),
		checks: z.array(checkSchema).min(1),
		/** How to recognise the case in someone else's release (`npm run check`); see src/lib/check/rules-schema.ts. */
		detect: detectSchema.optional(),
	})
	.strict();
export type CaseChecks = z.output<typeof caseChecksSchema>;

/** Keys of a case that live in the checks file rather than the frontmatter. */
export const CHECKS_KEYS = Object.keys(caseChecksSchema.shape) as Array<keyof CaseChecks>;

export const caseSchema = caseFrontmatterSchema
	.extend(caseChecksSchema.shape)
	.strict()
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.checks.forEach((check, i) => {
			if (seen.has(check.id)) {
				ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${check.id}"` });
			}
			seen.add(check.id);
		});
		const checkIds = new Set(c.checks.map((check) => check.id));
		for (const [path, id] of referencedChecks(c)) {
			if (!checkIds.has(id)) {
				ctx.addIssue({ code: 'custom', path, message: `no check "${id}" in the checks file (checks: ${[...checkIds].join(', ')})` });
			}
		}
		for (const list of ['applies', 'doesNotApply'] as const) {
			c.detect?.examples?.[list].forEach((id, i) => {
				if (!checkIds.has(id)) {
					ctx.addIssue({ code: 'custom', path: ['detect', 'examples', list, i], message: `no check "${id}" in the checks file` });
				}
			});
		}
		if (c.kinds.includes('pitfall') !== (c.pitfall !== undefined)) {
			ctx.addIssue({
				code: 'custom',
				path: c.pitfall ? ['pitfall'] : ['kinds'],
				message: 'a case of kind "pitfall" needs a `pitfall:` block, and only such a case may have one',
			});
		}
		if (c.fixedIn && semver.satisfies(c.fixedIn, c.affected, { includePrerelease: true })) {
			ctx.addIssue({
				code: 'custom',
				path: ['fixedIn'],
				message: `fixedIn ${c.fixedIn} lies inside the affected range "${c.affected}"`,
			});
		}
	});
export type Case = z.output<typeof caseSchema>;

/** Every check the frontmatter names as evidence, with the path that names it. */
export function referencedChecks(c: CaseFrontmatter): Array<[PropertyKey[], string]> {
	const found: Array<[PropertyKey[], string]> = [];
	const known = (path: PropertyKey[], value: Known | undefined) => {
		if (value && 'check' in value) found.push([[...path, 'check'], value.check]);
	};
	if (c.answer) {
		known(['answer', 'who', 'known'], c.answer.who.known);
		known(['answer', 'action', 'known'], c.answer.action.known);
		const { confirm } = c.answer;
		if ('check' in confirm) found.push([['answer', 'confirm', 'check'], confirm.check]);
		else known(['answer', 'confirm', 'known'], confirm.known);
	}
	if (c.pitfall) {
		found.push([['pitfall', 'check'], c.pitfall.check]);
		c.pitfall.instead.forEach((entry, i) => found.push([['pitfall', 'instead', i, 'check'], entry.check]));
	}
	return found;
}

/**
 * The frontmatter fields this project adds to Starlight's docs schema, and the Starlight fields it
 * narrows so that no frontmatter text reaches a page as markup or as a script link.
 */
export const casebookFrontmatterSchema = z.object({
	// A translation (with `translation:`) carries only the translated words of its source's case.
	case: z.union([caseFrontmatterSchema, translatedCaseSchema]).optional(),
	translation: translationSchema.optional(),
	...textOnlyStarlightFields,
});
