/**
 * Long lists that few readers open (a case's checks, every rendered version) are separate HTML
 * files, fetched the first time their `<details>` opens, so they weigh nothing on a first visit:
 *
 * - `data-fragment-src`: the file; `data-fragment-select`: the element of it to show (else all);
 * - `[data-fragment-slot]` inside: replaced by the content (it holds a link to the file for
 *   readers without scripts); `data-fragment-state` = loading | loaded | failed;
 * - `data-failed-text`: the message when the file cannot be had, `{{reason}}` filled in;
 * - `data-fragment-anchors="check-"`: links to `#check-…` address ids in the file: following one
 *   loads the list, opens it and shows the target.
 *
 * The lists' styles (case-lists.css) come with the first of them.
 */

const texts = new Map<string, Promise<string>>();

function fetchText(url: string): Promise<string> {
	let text = texts.get(url);
	if (!text) {
		text = fetch(url).then((response) => {
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return response.text();
		});
		// A failure is not remembered: the next opening tries again.
		text.catch(() => texts.delete(url));
		texts.set(url, text);
	}
	return text;
}

let styles: Promise<void> | undefined;

/** The lists' stylesheet, as a `<style>`: Astro does not publish CSS files a client script imports. */
function listStyles(): Promise<void> {
	styles ??= import('../styles/case-lists.css?inline').then(({ default: css }) => {
		const style = document.createElement('style');
		style.dataset.caseLists = '';
		style.textContent = css;
		document.head.append(style);
	});
	// A failure is not remembered: the next list tries again.
	styles.catch(() => (styles = undefined));
	return styles;
}

const fills = new WeakMap<HTMLDetailsElement, Promise<void>>();

function fill(details: HTMLDetailsElement): Promise<void> {
	let done = fills.get(details);
	if (!done) {
		done = load(details);
		fills.set(details, done);
	}
	return done;
}

async function load(details: HTMLDetailsElement): Promise<void> {
	const slot = details.querySelector('[data-fragment-slot]');
	if (!slot) return;
	details.dataset.fragmentState = 'loading';
	try {
		const [text] = await Promise.all([fetchText(new URL(details.dataset.fragmentSrc!, location.href).href), listStyles()]);
		const fragment = document.createRange().createContextualFragment(text);
		const select = details.dataset.fragmentSelect;
		const content = select ? fragment.querySelector(select) : fragment;
		if (!content) throw new Error(`no ${select} in the file`);
		slot.replaceChildren(content);
		details.dataset.fragmentState = 'loaded';
	} catch (error) {
		fills.delete(details);
		const message = document.createElement('p');
		message.setAttribute('role', 'alert');
		const reason = error instanceof Error ? error.message : 'network error';
		message.textContent = (details.dataset.failedText ?? '({{reason}})').replace('{{reason}}', reason);
		slot.querySelector('[role="alert"]')?.remove();
		slot.prepend(message);
		details.dataset.fragmentState = 'failed';
	}
}

/** Shows the element the URL's #fragment names, loading the list that holds it when needed. */
async function reveal(): Promise<void> {
	const id = decodeURIComponent(location.hash.slice(1));
	if (!id) return;
	let target = document.getElementById(id);
	let list = target?.closest<HTMLDetailsElement>('details[data-fragment-src]') ?? undefined;
	if (!target) {
		list = [...document.querySelectorAll<HTMLDetailsElement>('details[data-fragment-anchors]')].find((details) =>
			id.startsWith(details.dataset.fragmentAnchors!),
		);
		if (!list) return;
		await fill(list);
		target = document.getElementById(id);
	}
	if (!target || !list) return;
	list.open = true;
	for (const item of document.querySelectorAll('[data-targeted]')) item.removeAttribute('data-targeted');
	target.setAttribute('data-targeted', '');
	target.scrollIntoView();
}

// `toggle` does not bubble, hence the capturing listener.
document.addEventListener(
	'toggle',
	(event) => {
		const details = event.target;
		if (details instanceof HTMLDetailsElement && details.open && details.dataset.fragmentSrc) void fill(details);
	},
	true,
);
addEventListener('hashchange', () => void reveal());
void reveal();

export {};
