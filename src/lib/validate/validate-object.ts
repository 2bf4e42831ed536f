import type { FieldType, Model, SchemaSet } from './schema-set.ts';

/** A finding of the schema walk, before it is tied to a document. */
export interface ObjectFinding {
	rule: 'unknown-field' | 'wrong-type' | 'missing-field' | 'unknown-kind';
	path: Array<string | number>;
	expected: string;
	found: string;
}

export type ObjectValidation = { checked: true; findings: ObjectFinding[] } | { checked: false; apiVersion: string; kind: string };

/**
 * Validates one manifest object against the schema set, strictly: a field the schema does not
 * have, a value of the wrong type, a required field left out and a kind the API does not serve
 * are findings. `null` is accepted wherever a field is optional (the API server reads it as unset).
 * A custom resource (an API group Kubernetes does not have) is not judged: `checked: false`.
 */
export function validateObject(schemas: SchemaSet, object: Record<string, unknown>): ObjectValidation {
	const findings: ObjectFinding[] = [];
	const { apiVersion, kind } = object;
	for (const [field, value] of [['apiVersion', apiVersion], ['kind', kind]] as const) {
		if (typeof value !== 'string' || value === '') {
			findings.push({ rule: value === undefined || value === null ? 'missing-field' : 'wrong-type', path: [field], expected: 'a string', found: describe(value) });
		}
	}
	if (findings.length) return { checked: true, findings };
	const lookup = schemas.modelFor(apiVersion as string, kind as string);
	if ('unknown' in lookup) {
		if (lookup.unknown === 'group') return { checked: false, apiVersion: apiVersion as string, kind: kind as string };
		findings.push({
			rule: 'unknown-kind',
			path: lookup.unknown === 'version' ? ['apiVersion'] : ['kind'],
			expected: `a kind Kubernetes ${schemas.kubernetesVersion} serves`,
			found: `${apiVersion} ${kind}${lookup.unknown === 'version' ? ` (${apiVersion} is not served by Kubernetes ${schemas.kubernetesVersion})` : ''}`,
		});
		return { checked: true, findings };
	}
	walkModel(schemas, lookup.model, object, [], findings);
	return { checked: true, findings };
}

function walkModel(schemas: SchemaSet, model: Model, value: unknown, path: Array<string | number>, findings: ObjectFinding[]): void {
	if (!isMapping(value)) {
		findings.push({ rule: 'wrong-type', path, expected: 'an object', found: describe(value) });
		return;
	}
	for (const field of model.required) {
		if (value[field] === undefined || value[field] === null) {
			findings.push({ rule: 'missing-field', path: [...path, field], expected: `${field} (required in ${modelLabel(model)})`, found: 'nothing' });
		}
	}
	for (const [field, child] of Object.entries(value)) {
		const type = model.fields.get(field);
		if (!type) {
			findings.push({ rule: 'unknown-field', path: [...path, field], expected: `one of the fields of ${modelLabel(model)}`, found: `${field}: ${describe(child)}` });
			continue;
		}
		if (child === null) continue;
		walkType(schemas, type, child, [...path, field], findings);
	}
}

function walkType(schemas: SchemaSet, type: FieldType, value: unknown, path: Array<string | number>, findings: ObjectFinding[]): void {
	switch (type.kind) {
		case 'model':
			walkModel(schemas, schemas.model(type.name), value, path, findings);
			return;
		case 'array':
			if (!Array.isArray(value)) {
				findings.push({ rule: 'wrong-type', path, expected: 'a list', found: describe(value) });
				return;
			}
			value.forEach((item, index) => {
				if (item !== null) walkType(schemas, type.items, item, [...path, index], findings);
			});
			return;
		case 'map':
			if (!isMapping(value)) {
				findings.push({ rule: 'wrong-type', path, expected: 'a map', found: describe(value) });
				return;
			}
			for (const [key, item] of Object.entries(value)) {
				if (item !== null) walkType(schemas, type.values, item, [...path, key], findings);
			}
			return;
		case 'scalar':
			if (!scalarMatches(type.type, value)) findings.push({ rule: 'wrong-type', path, expected: SCALAR_LABELS[type.type], found: describe(value) });
	}
}

const SCALAR_LABELS = {
	string: 'a string',
	integer: 'an integer',
	number: 'a number',
	boolean: 'a boolean',
	'int-or-string': 'an integer or a string',
	quantity: 'a quantity (a string such as 500m or 1Gi, or a number)',
	any: 'anything',
} as const;

function scalarMatches(type: keyof typeof SCALAR_LABELS, value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'int-or-string':
			return typeof value === 'string' || Number.isInteger(value);
		case 'quantity':
			return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
		case 'any':
			return true;
	}
}

/** `V1StatefulSetSpec` → `StatefulSetSpec (v1)`, closer to what the API reference calls it. */
function modelLabel(model: Model): string {
	const match = /^(?:[A-Z][a-z]+)*?(V\d+(?:alpha\d+|beta\d+)?)([A-Z]\w*)$/.exec(model.name);
	return match ? `${match[2]} (${match[1]!.toLowerCase()})` : model.name;
}

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: `a string ("3")`, `a list of 2`. */
export function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object') return `an object with ${Object.keys(value).slice(0, 4).join(', ') || 'no fields'}${Object.keys(value).length > 4 ? ', ...' : ''}`;
	const text = JSON.stringify(value);
	const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
	if (typeof value === 'string') return `a string (${shown})`;
	if (typeof value === 'number') return `${Number.isInteger(value) ? 'an integer' : 'a number'} (${shown})`;
	return `a ${typeof value} (${shown})`;
}
