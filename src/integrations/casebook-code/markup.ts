import { h, s, type Element, type ElementContent } from '@expressive-code/core/hast';
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

function icon(paths: string[]): Element {
	return s(
		'svg',
		{
			class: 'cb-icon',
			viewBox: '0 0 24 24',
			width: '16',
			height: '16',
			fill: 'none',
			stroke: 'currentColor',
			strokeWidth: '2',
			strokeLinecap: 'round',
			strokeLinejoin: 'round',
			ariaHidden: 'true',
			focusable: 'false',
		},
		paths.map((d) => s('path', { d })),
	);
}

const LINK_ICON = ['M9.5 14.5l5-5', 'M11 6.5l1.8-1.8a3.9 3.9 0 0 1 5.5 5.5L16.5 12', 'M13 17.5l-1.8 1.8a3.9 3.9 0 0 1-5.5-5.5L7.5 12'];
const DOWNLOAD_ICON = ['M12 4v11', 'M7.5 10.5L12 15l4.5-4.5', 'M5 19.5h14'];

function copyLinkButton(id: string): ElementContent[] {
	return [
		h(
			'button.cb-action',
			{ type: 'button', dataCasebookCopy: `#${id}`, ariaLabel: 'Copy link to this snippet' },
			[icon(LINK_ICON), h('span', 'Copy link')],
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
		[icon(DOWNLOAD_ICON), h('span', `Download ${fileName}`)],
	);
}

function statusLabel(kind: 'verified' | 'illustrative' | 'unverified'): Element {
	const text = { verified: ['✓', 'Verified'], illustrative: ['◇', 'Illustrative'], unverified: ['!', 'Unverified'] }[kind];
	return h(`span.cb-status.cb-status--${kind}`, [h('span.cb-status-mark', { ariaHidden: 'true' }, text[0]), ` ${text[1]}`]);
}

function verificationDetails(state: Extract<SnippetState, { kind: 'verified' }>): Element {
	const count = state.checks.length;
	const intro = [
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
	];
	const href = panelHref(state.slug, state.caseId, state.id);
	return h('details.cb-verification', { dataSnippetVerification: '', dataPanelSrc: count > 0 ? href : undefined }, [
		h('summary', [
			statusLabel('verified'),
			h('span.cb-badge-text', state.badge.flatMap((part) => [' · ', h('span.cb-badge-part', part)])),
		]),
		h('div.cb-panel', [
			h('p.cb-note', intro),
			// Without scripts the link opens the same checks as a bare page.
			count > 0
				? h('div.cb-panel-slot', { dataPanelSlot: '', ariaLive: 'polite' }, [
						h('p.cb-note', [h('a', { href, dataPanelLink: '' }, 'Show the checks, reproduce commands and rendered excerpts')]),
					])
				: '',
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
