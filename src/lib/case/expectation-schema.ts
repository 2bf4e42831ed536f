import { z } from 'zod';

/**
 * Expectations follow helm-unittest's vocabulary: one key per assertion kind, so that
 * `- equal: { document: StatefulSet/t-tempo-ingester, path: spec.replicas, value: 3 }` reads the
 * same as a helm-unittest suite. Every kind is validated here and evaluated by one module in
 * src/lib/assert/.
 */

/** `Kind/name`, or an object that also narrows by template source file or namespace. */
export const documentSelectorSchema = z.union([
	z
		.string()
		.regex(/^[A-Za-z][A-Za-z0-9]*\/[^/\s]+$/, 'expected "Kind/name", e.g. "StatefulSet/t-tempo-ingester"'),
	z
		.object({
			kind: z.string().min(1),
			name: z.string().min(1).optional(),
			/** Regular expression matched against metadata.name. */
			nameRegex: z.string().min(1).optional(),
			/** Template path as printed in `# Source:`, e.g. `tempo-distributed/templates/extra-manifests.yaml`. */
			source: z.string().min(1).optional(),
			namespace: z.string().min(1).optional(),
		})
		.strict(),
]);
export type DocumentSelector = z.infer<typeof documentSelectorSchema>;

/**
 * A path is a JSONPath (the leading `$.` may be left out). `| fromYaml`, `| fromJson` and
 * `| b64dec` step into an embedded document, as in
 * `data["tempo.yaml"] | fromYaml | memberlist.cluster_label`.
 */
const path = z.string().min(1);
const pattern = z.string().min(1);
const anyValue = z.unknown();

const onDocument = { document: documentSelectorSchema };

const valueFromSchema = z
	.object({ document: documentSelectorSchema, path })
	.strict()
	.describe('take the expected value from another rendered document');

const equalBody = z
	.object({
		...onDocument,
		path,
		value: anyValue.optional(),
		valueFrom: valueFromSchema.optional(),
		/** Compare arrays as sets (order ignored), e.g. container names. */
		ignoreOrder: z.boolean().optional(),
	})
	.strict()
	.refine((b) => (b.value !== undefined) !== (b.valueFrom !== undefined), {
		message: 'give exactly one of "value" or "valueFrom"',
	});

const containsBody = z
	.object({ ...onDocument, path, content: anyValue, count: z.number().int().nonnegative().optional() })
	.strict();

const regexBody = z.object({ ...onDocument, path, pattern }).strict();

const hasDocumentsBody = z
	.object({
		kind: z.string().min(1).optional(),
		name: z.string().min(1).optional(),
		nameRegex: z.string().min(1).optional(),
		source: z.string().min(1).optional(),
		count: z.number().int().nonnegative(),
	})
	.strict();

const failedTemplateBody = z
	.object({
		/** Every listed substring must appear in helm's stderr. */
		errorMessage: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
		errorPattern: pattern.optional(),
	})
	.strict();

export const expectationBodies = {
	documentExists: documentSelectorSchema,
	documentNotExists: documentSelectorSchema,
	hasDocuments: hasDocumentsBody,
	exists: z.object({ ...onDocument, path }).strict(),
	notExists: z.object({ ...onDocument, path }).strict(),
	equal: equalBody,
	notEqual: equalBody,
	contains: containsBody,
	notContains: containsBody,
	isSubset: z.object({ ...onDocument, path, content: anyValue }).strict(),
	matchRegex: regexBody,
	notMatchRegex: regexBody,
	lengthEqual: z.object({ ...onDocument, path, count: z.number().int().nonnegative() }).strict(),
	failedTemplate: failedTemplateBody,
};

type Bodies = { [K in keyof typeof expectationBodies]: z.output<(typeof expectationBodies)[K]> };
export type AssertionKind = keyof Bodies;
export const ASSERTION_KINDS = Object.keys(expectationBodies) as AssertionKind[];

/** One assertion after parsing: the kind that was written and its validated body. */
export type Expectation = { [K in AssertionKind]: { kind: K; body: Bodies[K] } }[AssertionKind];

/**
 * Written as a one-key map (`- equal: {...}`), like helm-unittest. Parsed as a partial object so
 * that a mistake in a body is reported at its own path (`expect[2].equal.path`) instead of as
 * "no union member matched".
 */
export const expectationSchema = z
	.object(expectationBodies)
	.partial()
	.strict()
	.superRefine((value, ctx) => {
		const kinds = Object.keys(value);
		if (kinds.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				message:
					kinds.length === 0
						? `expected one assertion, one of: ${ASSERTION_KINDS.join(', ')}`
						: `expected one assertion per list item, found ${kinds.join(' and ')}`,
			});
		}
	})
	.transform((value) => {
		const kind = Object.keys(value)[0] as AssertionKind;
		return { kind, body: value[kind] } as Expectation;
	});
