// The search dialog's styles, added when the search UI loads: Pagefind's UI stylesheet (see
// pagefind-ui-deferred.css), then Starlight's own rules for the dialog (see
// src/integrations/casebook-search/dialog-styles.ts). Both in Starlight's cascade layer, in the
// order Starlight's own imports had them, so Starlight's rules still win over Pagefind's.
import css from '@pagefind/default-ui/css/ui.css?inline';
import dialogCss from 'virtual:casebook/search-dialog.css';

for (const [name, text] of [
	['pagefindUi', `@layer starlight.core{${css}}`],
	['searchDialog', dialogCss],
] as const) {
	const style = document.createElement('style');
	style.dataset[name] = '';
	style.textContent = text;
	document.head.append(style);
}
