import semver from 'semver';
import { failures, validators } from '../assert/index.ts';
import { matchesOf, parsePath, queryPath, PathError } from '../assert/path.ts';
import { deepEqual } from '../assert/values.ts';
import { toYaml } from '../assert/format.ts';
import type { Shown } from '../assert/failure.ts';
import type { AssertionKind, Expectation } from '../case/expectation-schema.ts';
import { isCasebookError } from '../errors.ts';
import type { RenderedManifest } from '../render/types.ts';
import { ruleCondition, type Condition, type DetectionRule, type ValueCondition } from './rules-schema.ts';
import { mergeValues, type ValuesSource } from './values.ts';

/** What a rule is evaluated against: one render of one chart version with one set of values. */
export interface DetectionSubject {
	manifest: RenderedManifest;
	/** The user's values, in the order applied (chart defaults not included). */
	values: readonly ValuesSource[];
	chartVersion: string;
}

/** Why a condition held: what was looked at and what was found there. */
export interface Evidence {
	/** The condition, e.g. `not documentExists StatefulSet [name matching /ingester/]`. */
	condition: string;
	/** `Kind/name`, or the values file (`values.yaml`) or `--set`. */
	document?: string;
	path?: string;
	/** What was found, as short text (YAML for values). */
	found?: string;
	/** File and line of a values file that set the value. */
	file?: string;
	line?: number;
}

export interface RuleOutcome {
	id: string;
	title: string;
	matched: boolean;
	/** For a matched rule: the conditions that made it match. */
	evidence: Evidence[];
}

interface ConditionOutcome {
	holds: boolean;
	evidence: Evidence[];
}

export function evaluateRules(rules: readonly DetectionRule[], subject: DetectionSubject): RuleOutcome[] {
	const merged = mergeValues(subject.values);
	return rules.map((rule) => {
		const outcome = evaluateCondition(ruleCondition(rule), subject, merged);
		return { id: rule.id, title: rule.title, matched: outcome.holds, evidence: outcome.holds ? outcome.evidence : [] };
	});
}

function evaluateCondition(condition: Condition, subject: DetectionSubject, merged: Record<string, unknown>): ConditionOutcome {
	switch (condition.kind) {
		case 'all': {
			const outcomes = condition.conditions.map((c) => evaluateCondition(c, subject, merged));
			return { holds: outcomes.every((o) => o.holds), evidence: outcomes.flatMap((o) => o.evidence) };
		}
		case 'any': {
			const held = condition.conditions.map((c) => evaluateCondition(c, subject, merged)).filter((o) => o.holds);
			return { holds: held.length > 0, evidence: held.flatMap((o) => o.evidence) };
		}
		case 'chartVersion': {
			const holds = semver.satisfies(subject.chartVersion, condition.range, { includePrerelease: true });
			return { holds, evidence: [{ condition: `chart version ${condition.range}`, found: subject.chartVersion }] };
		}
		case 'values':
			return evaluateValues(condition.body, subject.values, merged);
		case 'render':
			return evaluateRender(condition.expectation, subject.manifest);
	}
}

/** `values gossipRing.service.annotations is set`, `not values sidecar.rules.enabled = false`. */
export function valueConditionLabel(body: ValueCondition): string {
	const statement = body.equals === undefined ? `values ${body.path} is set` : `values ${body.path} = ${JSON.stringify(body.equals)}`;
	return body.not ? `not ${statement}` : statement;
}

function evaluateValues(body: ValueCondition, sources: readonly ValuesSource[], merged: Record<string, unknown>): ConditionOutcome {
	const label = valueConditionLabel(body);
	let found: unknown[];
	try {
		found = matchesOf(queryPath(merged, body.path)).map((m) => m.value).filter((v) => v !== null && v !== undefined);
	} catch (error) {
		if (error instanceof PathError) return { holds: false, evidence: [] };
		throw error;
	}
	const positive = body.equals === undefined ? found.length > 0 : found.some((v) => deepEqual(v, body.equals));
	const holds = body.not ? !positive : positive;
	if (!holds) return { holds, evidence: [] };
	if (found.length === 0) return { holds, evidence: [{ condition: label, path: body.path, found: 'not set' }] };
	return { holds, evidence: [{ condition: label, path: body.path, found: short(found[0]), ...origin(body.path, sources) }] };
}

/** The last source that sets the path (it wins when helm merges them): a file and line, or the `--set`. */
function origin(path: string, sources: readonly ValuesSource[]): Pick<Evidence, 'document' | 'file' | 'line'> {
	for (const source of [...sources].reverse()) {
		let here: unknown[];
		try {
			here = matchesOf(queryPath(source.data, path)).map((m) => m.value);
		} catch {
			continue;
		}
		if (here.length === 0) continue;
		if (source.kind === 'set') return { document: `--set ${source.key}` };
		return { document: source.file, file: source.file, line: source.lineOf(keysOf(path)) };
	}
	return {};
}

/** The keys of a definite values path, for a line lookup; as far as it is definite. */
function keysOf(path: string): PropertyKey[] {
	const stage = parsePath(path).stages[0];
	if (!stage || stage.type !== 'query') return [];
	const keys: PropertyKey[] = [];
	for (const step of stage.steps) {
		if (step.type === 'key') keys.push(step.key);
		else if (step.type === 'index') keys.push(step.index);
		else break;
	}
	return keys;
}

/**
 * One assertion of the checks' vocabulary on the user's render. It holds when it would pass as a
 * check: what cannot be decided (no such document, a bad path) does not hold, with or without
 * `not`, so a rule never fires on a render it cannot read.
 */
function evaluateRender(expectation: Expectation, manifest: RenderedManifest): ConditionOutcome {
	const { kind, body } = expectation as { kind: AssertionKind; body: never };
	const validator = validators[kind] as (typeof validators)['equal'];
	const negated = (body as { not?: boolean }).not === true;
	const label = `${negated ? 'not ' : ''}${validator.label(body)}`;
	if (manifest.exitCode !== 0 && !validator.expectsFailedRender) return { holds: false, evidence: [] };
	let findings;
	try {
		findings = validator.validate(body, manifest);
	} catch (error) {
		if (isCasebookError(error)) return { holds: false, evidence: [] };
		throw error;
	}
	if (failures(findings, negated, kind).length > 0) return { holds: false, evidence: [] };
	const evidence = findings.observations.map((observation): Evidence => {
		const { document, path, actual } = observation.failure;
		return {
			condition: label,
			...(document !== undefined ? { document: typeof document === 'string' ? document : `${document.kind}/${document.name}` } : {}),
			...(path !== undefined ? { path } : {}),
			...(actual !== undefined ? { found: shownText(actual) } : {}),
		};
	});
	return { holds: true, evidence: evidence.length ? evidence : [{ condition: label }] };
}

function shownText(shown: Shown): string {
	if (shown.inline !== undefined && shown.text !== undefined) return `${shown.inline}: ${shown.text.split('\n').join(', ')}`;
	if (shown.inline !== undefined) return shown.inline;
	if ('value' in shown) return short(shown.value);
	return firstLines(shown.text ?? shown.words ?? '');
}

/** A value as one short text: YAML, cut to a few lines. */
function short(value: unknown): string {
	return firstLines(toYaml(value));
}

function firstLines(text: string, count = 6): string {
	const lines = text.split('\n');
	return lines.length <= count ? text : [...lines.slice(0, count), `… ${lines.length - count} more lines`].join('\n');
}
