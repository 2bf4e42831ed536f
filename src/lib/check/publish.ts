import type { ChartRef } from '../case/schema.ts';
import { ruleCondition, type Condition, type Detect } from './rules-schema.ts';
import { detectCharts } from './verify-rules.ts';

/**
 * A case's detection rules as api/cases.json publishes them: in the words of the checks file
 * (`all`/`any`, `values`, `chartVersion`, and the assertion vocabulary with its `not`), with
 * the charts they are written for made explicit and the build-only `examples` left out.
 */
export interface PublishedDetect {
	charts: ChartRef[];
	rules: Array<{ id: string; title: string } & Record<string, unknown>>;
}

export function publishedDetect(detect: Detect, caseChart: ChartRef): PublishedDetect {
	return {
		charts: detectCharts(detect, caseChart).map(({ repository, name }) => ({ repository, name })),
		rules: detect.rules.map((rule) => {
			const group = ruleCondition(rule) as Extract<Condition, { kind: 'all' | 'any' }>;
			return { id: rule.id, title: rule.title, [group.kind]: group.conditions.map(written) };
		}),
	};
}

function written(condition: Condition): Record<string, unknown> {
	switch (condition.kind) {
		case 'render':
			return { [condition.expectation.kind]: condition.expectation.body };
		case 'values':
			return { values: condition.body };
		case 'chartVersion':
			return { chartVersion: condition.range };
		case 'all':
		case 'any':
			return { [condition.kind]: condition.conditions.map(written) };
	}
}
