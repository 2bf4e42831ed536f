import type { ChartRef } from '../case/schema.ts';
import type { RenderedManifest } from '../render/types.ts';
import type { CaseArticle } from '../verify/articles.ts';
import type { UseOutcome } from '../verify/evaluate.ts';
import type { Failure } from '../verify/failures.ts';
import { ownerLabel, type RenderUse } from '../verify/plan.ts';
import { renderBreakdown } from '../helm/breakdown.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { Detect, DetectionRule } from './rules-schema.ts';
import { parseValuesText, setSource, type ValuesSource } from './values.ts';

/**
 * The detection rules are claims like any other, and verify tests them on the case's own
 * renders: every matrix render the healthy assertions fail is affected and must be recognised
 * (some rule matches); every other matrix render, and every version a `notApplicable` segment
 * renders, must not be. `examples.applies` and `examples.doesNotApply` add checks whose renders
 * (the snippets a reader copies) must be recognised or left alone.
 */

/** The charts a case's rules are written for. */
export function detectCharts(detect: Detect, caseChart: ChartRef): ChartRef[] {
	return detect.charts ?? [caseChart];
}

/** What a use's render must show under the rules, or undefined when the rules are not tested on it. */
export function detectionExpectation(use: RenderUse): 'applies' | 'matrix' | 'doesNotApply' | undefined {
	const { detect } = use.article.case;
	if (!detect) return undefined;
	const onChart = detectCharts(detect, use.article.case.chart).some(
		(chart) => chart.repository === use.chart.repository && chart.name === use.chart.name,
	);
	if (!onChart) return undefined;
	if (use.owner.kind === 'matrix') return 'matrix';
	if (detect.examples?.applies.includes(use.owner.check.id)) return 'applies';
	if (detect.examples?.doesNotApply.includes(use.owner.check.id)) return 'doesNotApply';
	return undefined;
}

/** The rules a use is evaluated with (part of its evaluation's cache key). */
export function detectionRulesOf(use: RenderUse): DetectionRule[] | undefined {
	return detectionExpectation(use) ? use.article.case.detect!.rules : undefined;
}

/** The values of a use as a user's would be: the snippet files, then the case's and the owner's `set`. */
export function useValues(use: RenderUse): ValuesSource[] {
	return [
		...use.request.valuesFiles.map((file) => parseValuesText(file.content, file.name)),
		...Object.entries(use.request.set).map(([key, value]) => setSource(key, value)),
	];
}

/** Ids of the rules that match this use's render; undefined when the rules are not tested on it. */
export function detectOnUse(use: RenderUse, manifest: RenderedManifest): string[] | undefined {
	const rules = detectionRulesOf(use);
	if (!rules) return undefined;
	return evaluateRules(rules, { manifest, values: useValues(use), chartVersion: use.chart.version })
		.filter((outcome) => outcome.matched)
		.map((outcome) => outcome.id);
}

/** One failure per render the rules misjudge, at the line of the rule that fired or of `detect.rules`. */
export function detectionFailures(article: CaseArticle, outcomes: readonly UseOutcome[]): Failure[] {
	const { detect } = article.case;
	if (!detect) return [];
	const failures: Failure[] = [];
	for (const outcome of outcomes) {
		const expectation = detectionExpectation(outcome.use);
		if (!expectation || renderBreakdown(outcome) || outcome.detected === undefined) continue;
		const { owner, chart, helm } = outcome.use;
		const affected =
			expectation === 'applies' ||
			(expectation === 'matrix' && owner.kind === 'matrix' && !owner.segment.notApplicable && !outcome.passed);
		const render = `${chart.repository}/${chart.name}@${chart.version} with helm ${helm.version} (${ownerLabel(owner)})`;
		if (affected && outcome.detected.length === 0) {
			failures.push({
				...article.locate(['case', 'detect', 'rules']),
				message: `no detection rule recognises ${render}, which is affected`,
				detail:
					expectation === 'applies'
						? 'the check is listed in detect.examples.applies'
						: 'the matrix found this version affected (its healthy assertions fail)',
			});
		}
		if (!affected) {
			for (const id of outcome.detected) {
				const index = detect.rules.findIndex((rule) => rule.id === id);
				failures.push({
					...article.locate(['case', 'detect', 'rules', index]),
					message: `detection rule "${id}" fires on ${render}, which is not affected`,
					detail:
						expectation === 'doesNotApply'
							? 'the check is listed in detect.examples.doesNotApply'
							: owner.kind === 'matrix' && owner.segment.notApplicable
								? `the matrix segment marks these versions not applicable: ${owner.segment.notApplicable}`
								: 'the matrix found this version healthy (its healthy assertions pass)',
				});
			}
		}
	}
	return failures;
}
