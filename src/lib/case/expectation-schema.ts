import { z } from 'zod';

/**
 * Expectations follow helm-unittest's vocabulary: one key per assertion kind, so that
 * `- equal: { document: StatefulSet/t-tempo-ingester, path: spec.replicas, value: 3 }` reads the
 * same as a helm-unittest suite. Every kind is validated here and evaluated by one module in
 * src/lib/assert/.
 */

/** `Kind/name`, or an object that also narrows by template source file or namespace. */
export const documentSelectorSchema = z.union(
	[
		z
			.string()
			.regex(/^[A-Za-z][A-Za-z0-9]*\/[^/\s]+$/, 'expected "Kind/name", e.g. "StatefulSet/t-tempo-ingester"'),
		z.strictObject(
			{
				kind: z.string().min(1),
				name: z.string().min(1).optional(),
				/** Regular expression matched against metadata.name. */
				nameRegex: z.string().min(1).optional(),
				/** Template path as printed in `# Source:`, e.g. `tempo-distributed/templates/extra-manifests.yaml`. */
				source: z.string().min(1).optional(),
				namespace: z.string().min(1).optional(),
			},
			{
				error: (issue) =>
					issue.code === 'unrecognized_keys' && issue.keys.includes('not')
						? '"not" belongs to the assertion, not to the document selector: write { document: <selector>, not: true }'
						: undefined,
			},
		),
	],
	// Only for input that is neither a string nor an object: the others get their branch's message.
	{ error: 'expected a document: "Kind/name" or { kind, name?, nameRegex?, source?, namespace? }' },
);
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

/**
 * `not: true` turns an assertion into its negation, as in helm-unittest: `equal` with `not: true`
 * passes when the value differs. What cannot be decided (no document matches the selector, a
 * value assertion's path is missing, a value of the wrong type, a bad path) fails either way,
 * so that a typo cannot pass a negated assertion.
 */
const negatable = { not: z.boolean().optional() };

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
		...negatable,
	})
	.strict()
	.refine((b) => (b.value !== undefined) !== (b.valueFrom !== undefined), {
		message: 'give exactly one of "value" or "valueFrom"',
	});

const containsBody = z
	.object({ ...onDocument, path, content: anyValue, count: z.number().int().nonnegative().optional(), ...negatable })
	.strict();

/**
 * `documentExists: <selector>` (`Kind/name` or a selector object) is the short form;
 * `{ document: <selector>, not: true }` negates it, with the same `document` field as every other
 * assertion. `not` belongs to the assertion, not to the selector, where `{ kind: ConfigMap,
 * not: true }` could read as "any kind but ConfigMap".
 */
const documentExistsBody = z.preprocess(
	(body) => (typeof body === 'object' && body !== null && 'document' in body ? body : { document: body }),
	z.strictObject(
		{ document: documentSelectorSchema, ...negatable },
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? 'documentExists takes a selector ("Kind/name" or { kind, ... }) or { document: <selector>, not? }'
					: undefined,
		},
	),
);

const hasDocumentsBody = z
	.object({
		kind: z.string().min(1).optional(),
		name: z.string().min(1).optional(),
		nameRegex: z.string().min(1).optional(),
		source: z.string().min(1).optional(),
		count: z.number().int().nonnegative(),
		// Negated: any number of matching documents but `count`.
		...negatable,
	})
	.strict();

const failedTemplateBody = z
	.object({
		/** Every listed substring must appear in helm's stderr. */
		errorMessage: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
		errorPattern: pattern.optional(),
		not: z
			.never({
				error:
					'failedTemplate cannot be negated: every other assertion already fails when helm template fails, so assert on what the render should contain instead (e.g. documentExists)',
			})
			.optional(),
	})
	.strict();

export const expectationBodies = {
	documentExists: documentExistsBody,
	hasDocuments: hasDocumentsBody,
	exists: z.object({ ...onDocument, path, ...negatable }).strict(),
	equal: equalBody,
	contains: containsBody,
	isSubset: z.object({ ...onDocument, path, content: anyValue, ...negatable }).strict(),
	matchRegex: z.object({ ...onDocument, path, pattern, ...negatable }).strict(),
	lengthEqual: z.object({ ...onDocument, path, count: z.number().int().nonnegative(), ...negatable }).strict(),
	failedTemplate: failedTemplateBody,
};

type Bodies = { [K in keyof typeof expectationBodies]: z.output<(typeof expectationBodies)[K]> };
export type AssertionKind = keyof Bodies;
export const ASSERTION_KINDS = Object.keys(expectationBodies) as AssertionKind[];

/** One assertion after parsing: the kind that was written and its validated body. */
export type Expectation = { [K in AssertionKind]: { kind: K; body: Bodies[K] } }[AssertionKind];

/** The negative kinds of earlier versions are now the positive kind with `not: true`. */
const negativeKinds: Record<string, string> = {
	notEqual: 'equal',
	notExists: 'exists',
	notContains: 'contains',
	notMatchRegex: 'matchRegex',
	documentNotExists: 'documentExists',
};

function unknownKind(keys: readonly string[]): string {
	const renamed = keys.find((key) => negativeKinds[key] !== undefined);
	if (renamed !== undefined) {
		const form = renamed === 'documentNotExists' ? '{ document: <selector>, not: true }' : '{ ..., not: true }';
		return `${renamed} is written ${negativeKinds[renamed]}: ${form}`;
	}
	return `unknown assertion ${keys.map((key) => JSON.stringify(key)).join(', ')}; one of: ${ASSERTION_KINDS.join(', ')}`;
}

/**
 * Written as a one-key map (`- equal: {...}`), like helm-unittest. Parsed as a partial object so
 * that a mistake in a body is reported at its own path (`expect[2].equal.path`) instead of as
 * "no union member matched".
 */
export const expectationSchema = z
	.strictObject(expectationBodies, { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKind(issue.keys) : undefined) })
	.partial()
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
