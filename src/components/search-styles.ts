// Pagefind's UI stylesheet, added when the search UI loads (see pagefind-ui-deferred.css). In
// Starlight's cascade layer, as its own import had it, so Starlight's search rules still win.
import css from '@pagefind/default-ui/css/ui.css?inline';

const style = document.createElement('style');
style.dataset.pagefindUi = '';
style.textContent = `@layer starlight.core{${css}}`;
document.head.append(style);
