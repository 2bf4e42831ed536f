import { h, s, type Element, type ElementContent } from '@expressive-code/core/hast';
import type { CheckReport } from '../../lib/report/schema.ts';
import { helmVersionLabels, joinWords, summariseVersions } from '../../lib/site/case-facts.ts';
import { reproduceScript } from '../../lib/site/reproduce.ts';
import { highlightToHast } from './highlight.ts';
import type { SnippetState } from './snippet-state.ts';

/**
 * The HTML around a code block: an anchor wrapper, and under the block a strip with the
 * verification status and the actions. Class names start with `cb-`; case.css styles them.
 *
 * Stable hooks for tests: `div.cb-snippet#<id>[data-snippet][data-snippet-status=verified|
 * illustrative|unverified|anchor]`; `details[data-snippet-verification]` (the badge);
 * `li[data-check-id][data-check-status]` per check; `button[data-reproduce-copy=<check id>]`;
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
 * `<base>snippets/<case>/<file>`, written relative to the article page (`<base><slug>/`). Relative
 * on purpose: the site's Markdown link rewriting (markdown-base.ts) runs after Expressive Code and
 * would prefix the base a second time onto a root-relative href; a relative one needs no base.
 */
export function snippetHref(slug: string, caseId: string, fileName: string): string {
	const depth = slug.split('/').filter(Boolean).length;
	return `${'../'.repeat(depth)}snippets/${caseId}/${fileName}`;
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

async function codeBox(code: string, lang: string, label: string): Promise<Element> {
	// Scrollable regions must be reachable by keyboard (tabindex) and named for screen readers.
	return h('pre.cb-code', { tabIndex: 0, role: 'group', ariaLabel: label, dataLang: lang }, [await highlightToHast(code, lang)]);
}

async function checkItem(check: CheckReport): Promise<Element> {
	const versions = summariseVersions(check.versions.map((v) => v.version));
	const helm = joinWords(helmVersionLabels(check.helm));
	const repository = check.chart.repository;
	const assertions = check.runs[0]?.assertions ?? [];
	const reproduce = reproduceScript(check.reproduce);
	const passed = check.status === 'passed';
	const children: ElementContent[] = [
		h('p.cb-check-head', [
			h(`span.cb-check-status.cb-check-status--${check.status}`, passed ? '✓ Passed' : '✗ Failed'),
			' ',
			h('span.cb-check-title', check.title),
		]),
		h('p.cb-check-scope', [
			`${repository}/${check.chart.name} ${versions} · Helm ${helm} · `,
			`${check.runs.length} ${check.runs.length === 1 ? 'render' : 'renders'}`,
		]),
	];
	if (assertions.length > 0) {
		children.push(
			h('ul.cb-assertions', { ariaLabel: 'Assertions' }, assertions.map((a) =>
				h('li', { dataPassed: String(a.passed) }, [
					h('span.cb-assertion-mark', { ariaHidden: 'true' }, a.passed ? '✓' : '✗'),
					' ',
					h('code', a.label),
					a.passed ? '' : h('span.cb-visually-hidden', ' (failed)'),
				]),
			)),
		);
	}
	if (check.error) {
		children.push(h('p.cb-label', 'Expected error'), await codeBox(check.error, 'text', 'Expected error'));
	}
	children.push(
		h('div.cb-label-row', [
			h('p.cb-label', 'Reproduce'),
			h('button.cb-action', { type: 'button', dataCasebookCopyText: reproduce.script, dataReproduceCopy: check.id }, 'Copy commands'),
			h('span.cb-copy-status', { role: 'status', dataCasebookCopyStatus: '' }),
		]),
	);
	if (check.reproduce.files.length > 0) {
		children.push(
			h('p.cb-note', [
				'Save ',
				...check.reproduce.files.flatMap((file, i) => [i > 0 ? ', ' : '', h('code', file)]),
				' in the current directory first.',
			]),
		);
	}
	children.push(await codeBox(reproduce.script, 'bash', `Reproduce ${check.id}`));
	for (const excerpt of check.excerpts) {
		const caption = [
			h('code', excerpt.document),
			` · rendered from ${check.chart.name} ${excerpt.version}`,
			excerpt.source ? [' · ', h('code', excerpt.source)] : [],
			excerpt.trimmed ? ' · shortened' : '',
		].flat();
		children.push(
			h('figure.cb-excerpt', [
				h('figcaption', caption),
				await codeBox(excerpt.yaml, 'yaml', `Rendered ${excerpt.document}`),
			]),
		);
	}
	return h('li.cb-check', { dataCheckId: check.id, dataCheckStatus: check.status }, children);
}

async function verificationDetails(state: Extract<SnippetState, { kind: 'verified' }>): Promise<Element> {
	const count = state.checks.length;
	const intro = [
		'Rendered with ',
		h('code', 'helm template'),
		` and asserted at build time: this snippet is applied with `,
		h('code', `-f ${state.snippet.fileName}`),
		count > 0 ? ` by ${count} ${count === 1 ? 'check' : 'checks'}` : '',
		state.matrix ? `${count > 0 ? ' and' : ''} by the version matrix` : '',
		'.',
	];
	return h('details.cb-verification', { dataSnippetVerification: '' }, [
		h('summary', [
			statusLabel('verified'),
			h('span.cb-badge-text', state.badge.flatMap((part) => [' · ', h('span.cb-badge-part', part)])),
		]),
		h('div.cb-panel', [
			h('p.cb-note', intro),
			count > 0 ? h('ol.cb-checks', await Promise.all(state.checks.map(checkItem))) : '',
		]),
	]);
}

/**
 * Wraps the rendered group (`div.expressive-code`) in the snippet element, or returns it as it
 * was for a plain block.
 */
export async function wrapSnippet(group: Element, state: SnippetState): Promise<Element> {
	if (state.kind === 'plain') return group;
	const id = 'id' in state ? state.id : undefined;
	const actions: ElementContent[] = [];
	if (state.kind === 'verified') actions.push(downloadLink(state.slug, state.caseId, state.snippet.fileName));
	if (id) actions.push(...copyLinkButton(id));

	const meta: ElementContent[] = [];
	switch (state.kind) {
		case 'verified':
			meta.push(await verificationDetails(state));
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

	return h(
		'div.cb-snippet.not-content',
		{ id, dataSnippet: id ?? '', dataSnippetStatus: state.kind },
		[group, meta.length > 0 ? h('div.cb-snippet-meta', meta) : ''],
	);
}
