import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG levels the site promises. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa'];

/** Runs axe on the page as it is now; returns the violations as readable lines (none: empty). */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<string[]> {
	const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
	if (options.include) builder.include(options.include);
	const results = await builder.analyze();
	return results.violations.map((violation) => {
		const nodes = violation.nodes.slice(0, 6).map((node) => {
			const summary = (node.failureSummary ?? '').split('\n').slice(1).map((line) => line.trim()).filter(Boolean).join(' ');
			return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
		});
		const more = violation.nodes.length > 6 ? `\n    … and ${violation.nodes.length - 6} more` : '';
		return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} [${violation.nodes.length} element(s)]\n${nodes.join('\n')}${more}`;
	});
}
