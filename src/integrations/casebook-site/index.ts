import type { AstroIntegration } from 'astro';
import type { ResolvedConfig } from '../../lib/config/schema.ts';

/** What pages need from the configuration, as the `virtual:casebook/config` module exports it. */
export interface SiteConfig {
	report: string;
	allowStaleReport: boolean;
	/** The chart mirror, for the about page's provenance table. */
	charts: string;
	/** Project root and content folder, to read translations with the verifier's reader. */
	root: string;
	content: string;
}

const MODULE_ID = 'virtual:casebook/config';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Hands the configuration loadConfig resolved to the site's pages, the way Starlight hands its
 * user config to its components (`virtual:starlight/user-config`): pages cannot take arguments,
 * and reading the environment again would be a second source of truth.
 */
export function casebookSite(config: ResolvedConfig): AstroIntegration {
	const site: SiteConfig = {
		report: config.report,
		allowStaleReport: config.allowStaleReport,
		charts: config.charts,
		root: config.root,
		content: config.content,
	};
	return {
		name: 'helm-casebook-site',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'helm-casebook-config',
								resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
								load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(site)};` : undefined),
							},
						],
					},
				});
			},
		},
	};
}
