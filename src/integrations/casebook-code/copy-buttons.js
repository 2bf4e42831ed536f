// Copy buttons for code, snippet links, case permalinks and citations, on every page (imported by
// overrides/Head.astro). One delegated listener; the flag keeps a second copy from binding.
//
// A button carries `data-casebook-copy="<href>"` (resolved against the page to an absolute URL)
// and optionally `data-casebook-copy-template` (text with `{url}` for that URL), or
// `data-casebook-copy-text` (copied as is), or `data-casebook-copy-code` (the code of the block
// it sits under). Feedback goes to the nearest
// `[data-casebook-copy-status]` in the same parent; the copied text is kept in
// `data-copied-text` for tests. `data-copied-label` and `data-copy-this-label` word the feedback
// in the page's language.

const FLAG = '__casebookCopyButtons';

async function writeText(text) {
	try {
		if (navigator.clipboard && window.isSecureContext) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch {
		// Permission denied or no focus: fall through to the selection-based copy.
	}
	const area = document.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.position = 'fixed';
	area.style.opacity = '0';
	area.style.pointerEvents = 'none';
	document.body.append(area);
	area.select();
	let copied = false;
	try {
		copied = document.execCommand('copy');
	} catch {
		copied = false;
	}
	area.remove();
	return copied;
}

/** The code of the block a `data-casebook-copy-code` button belongs to, one line per Expressive Code line. */
function codeOf(button) {
	const code = button.closest('[data-snippet]')?.querySelector('pre > code');
	if (!code) return '';
	const lines = code.querySelectorAll('.ec-line');
	return lines.length > 0 ? Array.from(lines, (line) => line.textContent).join('\n') : code.textContent;
}

function showStatus(button, copied, text) {
	const status = button.parentElement?.querySelector('[data-casebook-copy-status]');
	clearTimeout(button[FLAG]);
	if (!copied) {
		// Nothing reached the clipboard: show the text so it can be selected by hand.
		if (status) status.textContent = `${button.getAttribute('data-copy-this-label') || 'Copy this:'} ${text}`;
		return;
	}
	button.setAttribute('data-copied', '');
	if (status) status.textContent = button.getAttribute('data-copied-label') || 'Copied';
	button[FLAG] = setTimeout(() => {
		button.removeAttribute('data-copied');
		if (status) status.textContent = '';
	}, 2500);
}

if (!window[FLAG]) {
	window[FLAG] = true;
	document.addEventListener('click', async (event) => {
		const target = event.target instanceof Element ? event.target : null;
		const button = target?.closest('[data-casebook-copy], [data-casebook-copy-text], [data-casebook-copy-code]');
		if (!button) return;
		let text = button.hasAttribute('data-casebook-copy-code') ? codeOf(button) : button.getAttribute('data-casebook-copy-text');
		if (text === null) {
			const url = new URL(button.getAttribute('data-casebook-copy') || '', location.href).href;
			const template = button.getAttribute('data-casebook-copy-template');
			text = template ? template.replaceAll('{url}', url) : url;
		}
		const copied = await writeText(text);
		button.setAttribute('data-copied-text', text);
		showStatus(button, copied, text);
	});
}
