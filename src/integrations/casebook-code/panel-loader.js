// Fills a verification panel the first time it is opened, from the file its `data-panel-src`
// names (written at build time by src/pages/verification/). Plain JavaScript, shipped as an
// Expressive Code JS module. `toggle` does not bubble, hence the capturing listener.

// Expressive Code joins its JS modules into one script: top-level names must not clash.
const PANEL_LOADER_FLAG = '__casebookPanelLoader';

async function fill(details) {
	const slot = details.querySelector('[data-panel-slot]');
	const src = details.getAttribute('data-panel-src');
	if (!slot || !src) return;
	details.setAttribute('data-panel-state', 'loading');
	slot.setAttribute('aria-busy', 'true');
	const url = new URL(src, location.href);
	try {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const html = await response.text();
		slot.replaceChildren(document.createRange().createContextualFragment(html));
		details.setAttribute('data-panel-state', 'loaded');
	} catch (error) {
		// Keep the fallback link and say what happened, so the reader can open the file directly.
		const message = document.createElement('p');
		message.className = 'cb-note';
		message.setAttribute('role', 'alert');
		message.textContent = `The checks could not be loaded (${error instanceof Error ? error.message : 'network error'}).`;
		slot.prepend(message);
		details.setAttribute('data-panel-state', 'failed');
	} finally {
		slot.removeAttribute('aria-busy');
	}
}

if (!window[PANEL_LOADER_FLAG]) {
	window[PANEL_LOADER_FLAG] = true;
	document.addEventListener(
		'toggle',
		(event) => {
			const details = event.target;
			if (!(details instanceof HTMLDetailsElement) || !details.open) return;
			if (!details.hasAttribute('data-panel-src') || details.hasAttribute('data-panel-state')) return;
			void fill(details);
		},
		true,
	);
}
