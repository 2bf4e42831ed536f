import { h, toHtml, type Element, type ElementContent } from '@expressive-code/core/hast';
import type { CheckReport, SchemaFindingReport, ValidationSummaryReport } from '../../lib/report/schema.ts';
import { helmVersionLabels, joinWords, summariseVersions } from '../../lib/site/case-facts.ts';
import { reproduceScript } from '../../lib/site/reproduce.ts';
import { format, uiStrings, type UiStrings } from '../../lib/i18n/ui.ts';
import { highlightToHast } from './highlight.ts';
import { filled } from './markup.ts';

/**
 * The body of a snippet's verification panel: per check its status, scope, assertions, the
 * reproduce commands and the rendered excerpts. It is the heaviest markup on a case page (Shiki
 * highlighted YAML), and few readers open it, so it is not in the page: each panel is its own
 * file (`<base>verification/<case>/<snippet>.html`, src/pages/verification/), fetched when the
 * panel is opened (src/components/lazy-details.ts). One file per language (`<snippet>.zh-cn.html`, panelFile in
 * markup.ts): the words around the checks are the page's.
 */

async function codeBox(code: string, lang: string, label: string): Promise<Element> {
	// Scrollable regions must be reachable by keyboard (tabindex) and named for screen readers.
	return h('pre.cb-code', { tabIndex: 0, role: 'group', ariaLabel: label, dataLang: lang }, [await highlightToHast(code, lang)]);
}

async function checkItem(check: CheckReport, words: UiStrings, lang: string | undefined): Promise<Element> {
	const versions = summariseVersions(check.versions.map((v) => v.version));
	const helm = joinWords(helmVersionLabels(check.helm), lang);
	const repository = check.chart.repository;
	const assertions = check.runs[0]?.assertions ?? [];
	const reproduce = reproduceScript(check.reproduce);
	const children: ElementContent[] = [
		h('p.cb-check-head', [
			h(`span.cb-check-status.cb-check-status--${check.status}`, words[`casebook.panel.${check.status}`]),
			' ',
			h('span.cb-check-title', check.title),
		]),
		h(
			'p.cb-check-scope',
			check.status === 'skipped'
				? [`${repository}/${check.chart.name} ${versions} · ${format(words['casebook.panel.notRendered'], { reason: check.reason ?? words['casebook.panel.skippedReason'] })}`]
				: [
						`${repository}/${check.chart.name} ${versions} · Helm ${helm} · `,
						format(words[`casebook.panel.renders.${check.runs.length === 1 ? 'one' : 'other'}`], { count: check.runs.length }),
					],
		),
	];
	if (assertions.length > 0) {
		children.push(
			h('ul.cb-assertions', { ariaLabel: words['casebook.panel.assertions'] }, assertions.map((a) =>
				h('li', { dataPassed: String(a.passed) }, [
					h('span.cb-assertion-mark', { ariaHidden: 'true' }, a.passed ? '✓' : '✗'),
					' ',
					h('code', a.label),
					a.passed ? '' : h('span.cb-visually-hidden', words['casebook.panel.assertionFailed']),
				]),
			)),
		);
	}
	if (check.validation) children.push(validationBlock(check.validation, words));
	if (check.error) {
		const label = words['casebook.panel.expectedError'];
		children.push(h('p.cb-label', label), await codeBox(check.error, 'text', label));
	}
	children.push(
		h('div.cb-label-row', [
			h('p.cb-label', words['casebook.panel.reproduce']),
			h('button.cb-action', { type: 'button', dataCasebookCopyText: reproduce.script, dataReproduceCopy: check.id }, words['casebook.panel.copyCommands']),
			h('span.cb-copy-status', { role: 'status', dataCasebookCopyStatus: '' }),
		]),
	);
	if (check.reproduce.files.length > 0) {
		const files = h('span', check.reproduce.files.flatMap((file, i) => [i > 0 ? ', ' : '', h('code', file)]));
		children.push(h('p.cb-note', filled(words['casebook.panel.saveFiles'], { files })));
	}
	children.push(await codeBox(reproduce.script, 'bash', format(words['casebook.panel.reproduceLabel'], { id: check.id })));
	for (const excerpt of check.excerpts) {
		const caption = [
			h('code', excerpt.document),
			format(words['casebook.panel.renderedFrom'], { chart: check.chart.name, version: excerpt.version }),
			excerpt.source ? [' · ', h('code', excerpt.source)] : [],
			excerpt.trimmed ? words['casebook.panel.shortened'] : '',
		].flat();
		children.push(
			h('figure.cb-excerpt', [
				h('figcaption', caption),
				await codeBox(excerpt.yaml, 'yaml', format(words['casebook.panel.renderedLabel'], { document: excerpt.document })),
			]),
		);
	}
	return h('li.cb-check', { dataCheckId: check.id, dataCheckStatus: check.status }, children);
}

function findingItem(finding: SchemaFindingReport, words: UiStrings): Element {
	return h('li', { dataFindingRule: finding.rule, dataFindingOrigin: finding.snippet ? 'snippet' : 'chart' }, [
		...filled(words['casebook.panel.finding'], {
			rule: words[`casebook.panel.rule.${finding.rule}`],
			path: finding.path ? h('code', finding.path) : '',
			document: h('code', finding.document),
			source: finding.source ? h('span', [' (', h('code', finding.source), ')']) : '',
			versions: finding.versions,
			expected: finding.expected,
			found: finding.found,
		}),
		finding.snippet
			? format(words['casebook.panel.findingSnippet'], { id: finding.snippet.id, line: finding.snippet.line })
			: words['casebook.panel.findingChart'],
	]);
}

/** A check's strict schema validation: one line when valid, else its findings. */
function validationBlock(validation: ValidationSummaryReport, words: UiStrings): Element {
	const notChecked = validation.notChecked.length ? format(words['casebook.panel.notChecked'], { kinds: validation.notChecked.join(', ') }) : '';
	const values = { kubernetes: validation.kubernetes, count: validation.findings.length };
	if (validation.findings.length === 0) {
		return h('p.cb-validation', { dataValidation: 'valid' }, format(words['casebook.panel.valid'], { ...values, notChecked }));
	}
	const head = format(words[validation.expectedInvalid ? 'casebook.panel.invalidAsShown' : 'casebook.panel.findings'], values);
	return h('div.cb-validation', { dataValidation: validation.expectedInvalid ? 'expected-invalid' : validation.status }, [
		h('p', `${head}${notChecked}`),
		h('ul', validation.findings.map((finding) => findingItem(finding, words))),
	]);
}

/**
 * The snippet's own line: "valid for Kubernetes 1.32 (strict)" when no object it wrote breaks
 * the schemas in any render of its checks, else what it wrote wrong. Findings in the chart's own
 * output are listed under each check, not held against the snippet.
 */
export function snippetValidation(checks: CheckReport[], snippetId: string, words: UiStrings = uiStrings('en')): Element | undefined {
	// A check that misapplies the snippet on purpose says nothing about the snippet where it belongs.
	const summaries = checks.flatMap((check) => (check.validation && !check.validation.expectedInvalid ? [check.validation] : []));
	if (summaries.length === 0) return undefined;
	const kubernetes = summaries[0]!.kubernetes;
	const own = summaries.flatMap((s) => s.findings).filter((f) => f.snippet?.id === snippetId);
	if (own.length === 0) {
		return h('p.cb-validation.cb-validation--snippet', { dataSnippetValidation: 'valid' }, format(words['casebook.panel.snippetValid'], { kubernetes }));
	}
	return h('div.cb-validation.cb-validation--snippet', { dataSnippetValidation: 'findings' }, [
		h('p', format(words['casebook.panel.snippetInvalid'], { kubernetes })),
		h('ul', own.map((finding) => findingItem(finding, words))),
	]);
}

/** The `ol.cb-checks` list of a panel, worded in `lang` (a Starlight language tag; English by default). */
export async function verificationChecks(checks: CheckReport[], lang?: string): Promise<Element> {
	const words = uiStrings(lang);
	return h('ol.cb-checks', await Promise.all(checks.map((check) => checkItem(check, words, lang))));
}

/**
 * The panel body as the HTML fragment the page fetches: the intro (verificationIntro), the
 * snippet's schema validation line, then the checks, in `lang`.
 */
export async function verificationFragment(checks: CheckReport[], options: { intro?: Element; snippetId?: string; lang?: string } = {}): Promise<string> {
	const words = uiStrings(options.lang);
	const line = options.snippetId === undefined ? undefined : snippetValidation(checks, options.snippetId, words);
	return `${options.intro ? toHtml(options.intro) : ''}${line ? toHtml(line) : ''}${toHtml(await verificationChecks(checks, options.lang))}\n`;
}
