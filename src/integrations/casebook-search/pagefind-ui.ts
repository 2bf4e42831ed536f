// Starlight's search dialog imports `@pagefind/default-ui` (astro.config.mjs aliases it here) and
// gives it Pagefind's bundle folder. The UI then loads `<bundle>/casebook/pagefind.js`, the
// casebook's search layer (./search-core.js), instead of Pagefind's module; everything else is
// Pagefind's UI as it is.
// @ts-expect-error: the package ships no types.
import { PagefindUI as Ui } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';

const LAYER = 'casebook/';

export class PagefindUI extends Ui {
	constructor(options: { bundlePath?: string } & Record<string, unknown>) {
		const bundle = options.bundlePath ?? '/pagefind/';
		super({ ...options, bundlePath: `${bundle}${bundle.endsWith('/') ? '' : '/'}${LAYER}` });
	}
}
