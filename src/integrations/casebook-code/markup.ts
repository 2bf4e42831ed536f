import { h, type Element, type ElementContent } from '@expressive-code/core/hast';
import type { SnippetState } from './snippet-state.ts';

/**
 * The HTML around a code block: an anchor wrapper, and under the block a strip with the
 * verification status and the actions. Class names start with `cb-`; case.css styles them.
 *
 * Stable hooks for tests: `div.cb-snippet#<id>[data-snippet][data-snippet-status=verified|
 * illustrative|unverified|anchor]`; `details[data-snippet-verification]` (the badge);
 * `details[data-panel-src]` names the panel body file (panel.ts), loaded into
 * `[data-panel-slot]` on first opening (`data-panel-state=loading|loaded|failed`);
 * `a[data-snippet-download]`; the copy-link button `[data-casebook-copy="#<id>"]`, named
 * "Copy link to this snippet".
 */

/** A decorative icon drawn by case.css (`.cb-icon--<name>`): one stylesheet rule, not an SVG per button. */
function icon(name: 'link' | 'download'): Element {
	return h(`span.cb-icon.cb-icon--${name}`, { ariaHidden: 'true' });
}

function copyLinkButton(id: string): ElementContent[] {
	return [
		h(
			'button.cb-action',
			{ type: 'button', dataCasebookCopy: `#${id}`, ariaLabel: 'Copy link to this snippet' },
			[icon('link'), h('span', 'Copy link')],
		),
		h('span.cb-copy-status', { role: 'status', dataCasebookCopyStatus: '' }),
	];
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

/** Where the body of a snippet's verification panel is (src/pages/verification/). */
export function panelHref(slug: string, caseId: string, snippetId: string): string {
	return fromArticle(slug, `verification/${caseId}/${snippetId}.html`);
}

function downloadLink(slug: string, caseId: string, fileName: string): Element {
	return h(
		'a.cb-action',
		{ href: snippetHref(slug, caseId, fileName), download: fileName, dataSnippetDownload: '' },
		[icon('download'), h('span', `Download ${fileName}`)],
	);
}

function statusLabel(kind: 'verified' | 'illustrative' | 'unverified'): Element {
	const text = { verified: ['✓', 'Verified'], illustrative: ['◇', 'Illustrative'], unverified: ['!', 'Unverified'] }[kind];
	return h(`span.cb-status.cb-status--${kind}`, [h('span.cb-status-mark', { ariaHidden: 'true' }, text[0]), ` ${text[1]}`]);
}

/**
 * What a verified snippet's panel says first: how the snippet was used. It opens the panel file
 * when there is one (src/pages/verification/), so the page itself carries only the badge.
 */
export function verificationIntro(state: Extract<SnippetState, { kind: 'verified' }>): Element {
	const count = state.checks.length;
	return h('p.cb-note', [
		'Rendered with ',
		h('code', 'helm template'),
		` and asserted at build time: this snippet is applied with `,
		h('code', `-f ${state.snippet.fileName}`),
		count > 0 ? ` by ${count} ${count === 1 ? 'check' : 'checks'}` : '',
		state.matrix ? `${count > 0 ? ' and' : ''} by the version matrix` : '',
		'.',
		state.notRun.length > 0
			? ` ${state.notRun.length} more ${state.notRun.length === 1 ? 'check was' : 'checks were'} not run in this build.`
			: '',
	]);
}

function verificationDetails(state: Extract<SnippetState, { kind: 'verified' }>): Element {
	const count = state.checks.length;
	const href = panelHref(state.slug, state.caseId, state.id);
	return h('details.cb-verification', { dataSnippetVerification: '', dataPanelSrc: count > 0 ? href : undefined }, [
		h('summary', [
			statusLabel('verified'),
			h('span.cb-badge-text', state.badge.flatMap((part) => [' · ', h('span.cb-badge-part', part)])),
		]),
		h('div.cb-panel', [
			// Without scripts the link opens the same panel as a bare page.
			count > 0
				? h('div.cb-panel-slot', { dataPanelSlot: '', ariaLive: 'polite' }, [
						h('p.cb-note', [h('a', { href, dataPanelLink: '' }, 'Show the checks, reproduce commands and rendered excerpts')]),
					])
				: verificationIntro(state),
		]),
	]);
}

/**
 * Wraps the rendered group (`div.expressive-code`) in the snippet element, or returns it as it
 * was for a plain block.
 */
export function wrapSnippet(group: Element, state: SnippetState): Element {
	if (state.kind === 'plain') return group;
	const id = 'id' in state ? state.id : undefined;
	const actions: ElementContent[] = [];
	if (state.kind === 'verified') actions.push(downloadLink(state.slug, state.caseId, state.snippet.fileName));
	if (id) actions.push(...copyLinkButton(id));

	const meta: ElementContent[] = [];
	switch (state.kind) {
		case 'verified':
			meta.push(verificationDetails(state));
			break;
		case 'illustrative':
			meta.push(h('p.cb-status-line', [statusLabel('illustrative'), ' · not verified against a render']));
			break;
		case 'unverified':
			meta.push(
				h('p.cb-status-line', { role: 'note' }, [
					statusLabel('unverified'),
					` · ${state.reason}. Do not rely on this block.`,
				]),
			);
			break;
		case 'anchor':
			break;
	}
	if (actions.length > 0) meta.push(h('div.cb-actions', actions));

	// Search indexes what readers type: symptoms, errors, commands and log lines. A values file is
	// structure, not words (its keys are named in the prose), and the strip under every block
	// repeats the same labels; leaving both out keeps the result fragments of the first search small.
	const code = state.kind === 'verified' ? { ...group, properties: { ...group.properties, dataPagefindIgnore: '' } } : group;
	return h(
		'div.cb-snippet.not-content',
		{ id, dataSnippet: id ?? '', dataSnippetStatus: state.kind },
		[code, meta.length > 0 ? h('div.cb-snippet-meta', { dataPagefindIgnore: '' }, meta) : ''],
	);
}
