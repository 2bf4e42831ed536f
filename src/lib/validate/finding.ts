/** What strict validation found wrong in one rendered document. */
export type FindingRule = 'unknown-field' | 'wrong-type' | 'missing-field' | 'duplicate-key' | 'unknown-kind' | 'not-yaml';

export interface SchemaFinding {
	rule: FindingRule;
	/** `Kind/name` of the document. */
	document: string;
	/** The chart template, from helm's `# Source:` line. */
	source?: string;
	/** Where in the document, e.g. `spec.template.spec.containers[1].image` (empty for the whole document). */
	path: string;
	expected: string;
	found: string;
	/**
	 * Set when a values file of the render wrote the offending field: which file (index in the
	 * render's values files) and the 1-based line within it.
	 */
	origin?: { valuesFile: number; line: number };
}

/** Strict validation of one render: what it found, and what it could not check. */
export interface RenderValidation {
	/** The schema set's id (see schema-set.ts). */
	schemaSet: string;
	/** Documents validated. */
	documents: number;
	findings: SchemaFinding[];
	/** `apiVersion kind` of custom resources no schema is known for: listed, not judged. */
	notChecked: string[];
}

/** `spec.containers[1].image` from `['spec', 'containers', 1, 'image']`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') text += `[${segment}]`;
		else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
		else text += `[${JSON.stringify(segment)}]`;
	}
	return text;
}

const RULE_LABELS: Record<FindingRule, string> = {
	'unknown-field': 'unknown field',
	'wrong-type': 'wrong type',
	'missing-field': 'missing required field',
	'duplicate-key': 'duplicate key',
	'unknown-kind': 'unknown kind',
	'not-yaml': 'not YAML',
};

/** `unknown field spec.volumeClaimTemplate in StatefulSet/t-ingester (tempo/templates/x.yaml)`. */
export function describeFinding(finding: SchemaFinding): string {
	const where = finding.path ? ` ${finding.path}` : '';
	const source = finding.source ? ` (${finding.source})` : '';
	return `${RULE_LABELS[finding.rule]}${where} in ${finding.document}${source}`;
}
