import type { Evidence } from './evaluate-rules.ts';

/**
 * The machine-readable result of `npm run check -- --json` (documented in README.md, "Check your
 * own release"). `checkResultVersion` changes when a field changes meaning or goes away.
 */
export interface CheckResult {
	checkResultVersion: 1;
	/** The chart version checked; `digest` is the archive's sha256 from the repository index. */
	chart: { repository: string; name: string; version: string; digest: string };
	/** Upgrade mode: the version upgraded from. */
	upgradeFrom?: CheckResult['chart'];
	release: string;
	namespace: string;
	/** `-f` files and `--set` arguments, as given. */
	values: string[];
	set: string[];
	/** Helm versions the chart was rendered with; a rule matches when it matches under any. */
	helm: string[];
	/** Ids of the cases whose rules were evaluated (those written for this chart). */
	casesChecked: string[];
	/** The cases that apply to the checked version with these values. */
	applies: CaseMatch[];
	/** Upgrade mode: what changes between `upgradeFrom` and `chart`. */
	upgrade?: {
		/** Ids of cases that apply after the upgrade and did not before. */
		starts: string[];
		/** Ids of cases that applied before and no longer do. */
		stops: string[];
		/** Transition cases this upgrade crosses: they applied before, and the upgrade is the change. */
		transitions: CaseMatch[];
	};
	/** `renders` counts one per chart version and helm; `cached` were served from the render cache. */
	renders: { renders: number; cached: number };
	durationMs: number;
}

export interface CaseMatch {
	id: string;
	title: string;
	kinds: string[];
	/** `/cases/<id>/`, absolute when the site URL is configured. */
	permalink: string;
	/** What to do: the case's answer. */
	action?: string;
	/** The rules that matched, each with why. */
	rules: RuleMatch[];
}

export interface RuleMatch {
	id: string;
	title: string;
	/** Helm versions under which it matched. */
	helm: string[];
	evidence: Evidence[];
}

/** 0: no case applies (and no transition is crossed); 1: at least one does. Bad input is 2. */
export function exitCodeOf(result: CheckResult): 0 | 1 {
	return result.applies.length > 0 || (result.upgrade?.transitions.length ?? 0) > 0 ? 1 : 0;
}
