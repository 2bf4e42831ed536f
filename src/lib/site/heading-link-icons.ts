import type { AstroIntegration } from 'astro';
import { hastStepIntegration } from './hast-step.ts';
import type { HastPluginDefinition } from 'satteri';

/**
 * Starlight draws the link icon beside every heading as an inline SVG, the same 0.5 KB path once
 * per heading (13 on the Loki case). The icon is decorative (`aria-hidden`), so case.css draws it
 * as a mask over the text colour from one rule, as the site's other icons, and this step removes
 * the SVGs from the pages.
 */
export function headingLinkIconsPlugin(): HastPluginDefinition {
	return {
		name: 'casebook-heading-link-icons',
		element: {
			filter: ['svg'],
			visit(node, ctx) {
				const parent = ctx.parent(node);
				const className = parent && 'properties' in parent ? parent.properties?.className ?? parent.properties?.class : undefined;
				const classes = Array.isArray(className) ? className : String(className ?? '').split(' ');
				if (classes.includes('sl-anchor-icon')) ctx.removeNode(node);
			},
		},
	};
}

/** Registers the step on Sätteri, after Starlight's own heading links. */
export function headingLinkIconsIntegration(): AstroIntegration {
	return hastStepIntegration('casebook-heading-link-icons', "replaces Starlight's heading link icons", () => headingLinkIconsPlugin());
}
