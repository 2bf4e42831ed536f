import type { AstroConfig, AstroIntegration } from 'astro';
import type { HastPluginEntry } from 'satteri';

/**
 * An Astro integration that appends one hast step to Sätteri, Astro 7's Markdown processor, after
 * the steps already registered (Starlight's among them, as its integration comes first). The
 * casebook's steps are written for Sätteri, so another configured processor is an error naming
 * what the step was for (`purpose`: "rewrites Markdown links for the base path").
 */
export function hastStepIntegration(name: string, purpose: string, step: (config: AstroConfig) => HastPluginEntry): AstroIntegration {
	return {
		name,
		hooks: {
			'astro:config:setup': ({ config }) => {
				const processor = config.markdown.processor as { name: string; options: { hastPlugins?: unknown[] } };
				if (processor.name !== 'satteri' || !Array.isArray(processor.options.hastPlugins)) {
					throw new Error(`Helm Casebook ${purpose} with a Sätteri plugin, but the configured markdown.processor is "${processor.name}".`);
				}
				processor.options.hastPlugins.push(step(config));
			},
		},
	};
}
