import { z } from 'zod';

/**
 * Build configuration: `casebook.config.json` at the project root (optional), then environment
 * variables, which win. Relative paths are relative to the project root.
 */
export const configSchema = z
	.object({
		/** Offline chart repository mirror: one folder per repository plus repositories.yaml. */
		charts: z.string().min(1).default('../shared/charts'),
		/**
		 * Helm binaries, renders and charts pulled from the official repositories. By default in the
		 * user's cache folder, like npm's: entries are content-addressed, so clones share them.
		 */
		cacheDir: z.string().min(1).optional(),
		content: z.string().min(1).default('content/docs'),
		report: z.string().min(1).default('.casebook/report.json'),
		/** Helm majors every check runs under (ignored when HELM_BIN is set). */
		helm: z.array(z.enum(['3', '4'])).min(1).default(['3', '4']),
		/** Passed to every render as --kube-version, so Helm 3 and 4 see the same cluster. */
		kubeVersion: z.string().default('1.32.0'),
		renderTimeoutMs: z.number().int().positive().default(60_000),
		/** Parallel renders; by default one per core. */
		concurrency: z.number().int().positive().optional(),
		/** Pull chart versions missing from the mirror from the official repositories. */
		allowNetwork: z.boolean().default(true),
		/** Path prefix the site is served under, e.g. `/kb/`. */
		base: z.string().min(1).default('/'),
		/** Absolute origin of the site (canonical links, sitemap); none by default. */
		site: z.url().optional(),
		/**
		 * Build pages from a report older than the articles, with a warning: for work on the site
		 * itself, never for publishing.
		 */
		allowStaleReport: z.boolean().default(false),
		/** The Chromium the browser tests and the budget script drive. */
		browser: z.string().min(1).default('/usr/bin/chromium'),
	})
	.strict();

export type CasebookConfig = z.output<typeof configSchema>;

export interface ResolvedConfig extends CasebookConfig {
	root: string;
	cacheDir: string;
	/** A user's own helm binary (HELM_BIN), used instead of the pinned ones. */
	helmBin?: string;
}
