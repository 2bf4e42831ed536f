import { h, type Element, type ElementContent } from '@expressive-code/core/hast';
import { format, uiStrings, type UiStrings } from '../../lib/i18n/ui.ts';
import { localeByLang, type Locale } from '../../lib/i18n/locales.ts';
import type { SnippetState } from './snippet-state.ts';

/**
 * The HTML around a code block: an anchor wrapper, and under the block a strip with the
 * verification status and the actions. Class names start with `cb-`; case.css styles them.
 *
 * Stable hooks for tests: `div.cb-snippet#<id>[data-snippet][data-snippet-status=verified|
 * illustrative|unverified|anchor|plain]`; the copy-code button `[data-casebook-copy-code]`; `details[data-snippet-verification]` (the badge);
 * `details.cb-verification[data-fragment-src]` names the panel body file (panel.ts), loaded into
 * `[data-fragment-slot]` on first opening by the page's lazy lists (src/components/lazy-details.ts,
 * `data-fragment-state=loading|loaded|failed`); the fallback link is `a[data-panel-link]`;
 * `a[data-snippet-download]`; the copy-link button `[data-casebook-copy="#<id>"]`, named
 * "Copy link to this snippet".
 */

/** A decorative icon drawn by case.css (`.cb-icon--<name>`): one stylesheet rule, not an SVG per button. */
function icon(name: 'link' | 'download' | 'copy'): Element {
	return h(`span.cb-icon.cb-icon--${name}`, { ariaHidden: 'true' });
}

function copyLinkButton(id: string, words: UiStrings): Element {
	return h(
		'button.cb-action',
		{ type: 'button', dataCasebookCopy: `#${id}`, ariaLabel: words['casebook.copyLink.snippet'], ...copyWords(words) },
		[icon('link'), h('span', words['casebook.copyLink'])],
	);
}

/**
 * Copies the block's code, read from the page by copy-buttons.js. Expressive Code's own copy
 * button is off (astro.config.mjs): it carries every block's code a second time in an attribute.
 */
function copyCodeButton(words: UiStrings): Element {
	return h('button.cb-action', { type: 'button', dataCasebookCopyCode: '', ariaLabel: words['casebook.copyCode.label'], ...copyWords(words) }, [
		icon('copy'),
		h('span', words['casebook.copyCode']),
	]);
}

/** The feedback copy-buttons.js shows, in the page's language (English when absent). */
function copyWords(words: UiStrings): Record<string, string> {
	return words === uiStrings('en') ? {} : { dataCopiedLabel: words['casebook.copied'], dataCopyThisLabel: words['casebook.copyThis'] };
}

/** A template's text with some placeholders standing for elements (`{{file}}` -> <code>…</code>). */
export function filled(template: string, values: Record<string, string | ElementContent>): ElementContent[] {
	return template.split(/(\{\{\w+\}\})/).flatMap((part): ElementContent[] => {
		const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
		const value = name === undefined ? part : values[name];
		if (value === undefined || value === '') return [];
		return [typeof value === 'string' ? { type: 'text', value } : value];
	});
}

/**
 * A site path (`snippets/<case>/<file>`) written relative to the article page (`<base><slug>/`).
 * Relative on purpose: the site's Markdown link rewriting (markdown-base.ts) runs after Expressive
 * Code and would prefix the base a second time onto a root-relative href; a relative one needs no
 * base.
 */
function fromArticle(slug: string, path: string): string {
	const depth = slug.split('/').filter(Boolean).length;
	return `${'../'.repeat(depth)}${path}`;
}

export function snippetHref(slug: string, caseId: string, fileName: string): string {
	return fromArticle(slug, `snippets/${caseId}/${fileName}`);
}

/** The body of a snippet's verification panel, per language (src/pages/verification/): `<snippet>.html`, `<snippet>.zh-cn.html`. */
export function panelFile(caseId: string, snippetId: string, locale: Pick<Locale, 'dir'>): string {
	return `verification/${caseId}/${snippetId}${locale.dir ? `.${locale.dir}` : ''}.html`;
}

export function panelHref(slug: string, caseId: string, snippetId: string, lang?: string): string {
	return fromArticle(slug, panelFile(caseId, snippetId, localeByLang(lang)));
}

function downloadLink(slug: string, caseId: string, fileName: string, words: UiStrings): Element {
	return h(
		'a.cb-action',
		{ href: snippetHref(slug, caseId, fileName), download: fileName, dataSnippetDownload: '' },
		[icon('download'), h('span', format(words['casebook.snippet.download'], { file: fileName }))],
	);
}

function statusLabel(kind: 'verified' | 'illustrative' | 'unverified', words: UiStrings): Element {
	const mark = { verified: '✓', illustrative: '◇', unverified: '!' }[kind];
	return h(`span.cb-status.cb-status--${kind}`, [h('span.cb-status-mark', { ariaHidden: 'true' }, mark), ` ${words[`casebook.snippet.${kind}`]}`]);
}

/**
 * What a verified snippet's panel says first: how the snippet was used. It opens the panel file
 * when there is one (src/pages/verification/), so the page itself carries only the badge.
 */
export function verificationIntro(state: Extract<SnippetState, { kind: 'verified' }>, words: UiStrings): Element {
	const count = state.checks.length;
	const plural = (key: 'byChecks' | 'notRun', n: number) => format(words[`casebook.snippet.${key}.${n === 1 ? 'one' : 'other'}`], { count: n });
	const by = [
		count > 0 ? plural('byChecks', count) : '',
		state.matrix ? `${count > 0 ? words['casebook.snippet.and'] : ''}${words['casebook.snippet.byMatrix']}` : '',
	].join('');
	return h('p.cb-note', [
		...filled(words['casebook.snippet.intro'], { helm: h('code', 'helm template'), file: h('code', `-f ${state.snippet.fileName}`), by }),
		state.notRun.length > 0 ? plural('notRun', state.notRun.length) : '',
	]);
}

function verificationDetails(state: Extract<SnippetState, { kind: 'verified' }>, words: UiStrings, lang: string | undefined): Element {
	const count = state.checks.length;
	const href = panelHref(state.slug, state.caseId, state.id, lang);
	const lazy = count > 0 ? { dataFragmentSrc: href, dataFailedText: words['casebook.checks.loadFailed'] } : {};
	return h('details.cb-verification', { dataSnippetVerification: '', ...lazy }, [
		h('summary', [
			statusLabel('verified', words),
			h('span.cb-badge-text', state.badge.flatMap((part) => [' · ', h('span.cb-badge-part', part)])),
		]),
		h('div.cb-panel', [
			// Without scripts the link opens the same panel as a bare page.
			count > 0
				? h('div.cb-panel-slot', { dataFragmentSlot: '', ariaLive: 'polite' }, [
						h('p.cb-note', [h('a', { href, dataPanelLink: '' }, words['casebook.snippet.showChecks'])]),
					])
				: verificationIntro(state, words),
		]),
	]);
}

/**
 * Wraps the rendered group (`div.expressive-code`) in the snippet element with the strip under
 * it: status, and actions (every block, plain ones too, has at least "Copy").
 */
export function wrapSnippet(group: Element, state: SnippetState, lang?: string): Element {
	const words = uiStrings(lang);
	const id = 'id' in state ? state.id : undefined;
	const actions: ElementContent[] = [copyCodeButton(words)];
	if (state.kind === 'verified') actions.push(downloadLink(state.slug, state.caseId, state.snippet.fileName, words));
	if (id) actions.push(copyLinkButton(id, words));
	actions.push(h('span.cb-copy-status', { role: 'status', dataCasebookCopyStatus: '' }));

	const meta: ElementContent[] = [];
	switch (state.kind) {
		case 'verified':
			meta.push(verificationDetails(state, words, lang));
			break;
		case 'illustrative':
			meta.push(h('p.cb-status-line', [statusLabel('illustrative', words), words['casebook.snippet.illustrativeNote']]));
			break;
		case 'unverified':
			meta.push(
				h('p.cb-status-line', { role: 'note' }, [
					statusLabel('unverified', words),
					` · ${state.reason}${words['casebook.snippet.unverifiedNote']}`,
				]),
			);
			break;
		case 'anchor':
		case 'plain':
			break;
	}
	meta.push(h('div.cb-actions', actions));

	// Search indexes what readers type: symptoms, errors, commands and log lines. A values file is
	// structure, not words (its keys are named in the prose), and the strip under every block
	// repeats the same labels; leaving both out keeps the result fragments of the first search small.
	// The frame's caption is "Terminal window" for screen readers on every shell block.
	const code = state.kind === 'verified' ? { ...group, properties: { ...group.properties, dataPagefindIgnore: '' } } : withUnindexedCaptions(group);
	return h(
		'div.cb-snippet.not-content',
		{ id, dataSnippet: id ?? '', dataSnippetStatus: state.kind },
		[code, h('div.cb-snippet-meta', { dataPagefindIgnore: '' }, meta)],
	);
}

function withUnindexedCaptions(element: Element): Element {
	const children = element.children.map((child) => (child.type === 'element' ? withUnindexedCaptions(child) : child));
	const properties = element.tagName === 'figcaption' ? { ...element.properties, dataPagefindIgnore: '' } : element.properties;
	return { ...element, properties, children };
}
