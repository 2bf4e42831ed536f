import { h, toHtml, type Element, type ElementContent } from '@expressive-code/core/hast';
import type { CheckReport, SchemaFindingReport, ValidationSummaryReport } from '../../lib/report/schema.ts';
import { helmVersionLabels, joinWords, summariseVersions } from '../../lib/site/case-facts.ts';
import { reproduceScript } from '../../lib/site/reproduce.ts';
import { highlightToHast } from './highlight.ts';

/**
 * The body of a snippet's verification panel: per check its status, scope, assertions, the
 * reproduce commands and the rendered excerpts. It is the heaviest markup on a case page (Shiki
 * highlighted YAML), and few readers open it, so it is not in the page: each panel is its own
 * file (`<base>verification/<case>/<snippet>.html`, src/pages/verification/), fetched when the
 * panel is opened (panel-loader.js).
 */

async function codeBox(code: string, lang: string, label: string): Promise<Element> {
	// Scrollable regions must be reachable by keyboard (tabindex) and named for screen readers.
	return h('pre.cb-code', { tabIndex: 0, role: 'group', ariaLabel: label, dataLang: lang }, [await highlightToHast(code, lang)]);
}

const CHECK_STATUS: Record<CheckReport['status'], string> = { passed: '✓ Passed', failed: '✗ Failed', skipped: '○ Not run' };

async function checkItem(check: CheckReport): Promise<Element> {
	const versions = summariseVersions(check.versions.map((v) => v.version));
	const helm = joinWords(helmVersionLabels(check.helm));
	const repository = check.chart.repository;
	const assertions = check.runs[0]?.assertions ?? [];
	const reproduce = reproduceScript(check.reproduce);
	const children: ElementContent[] = [
		h('p.cb-check-head', [
			h(`span.cb-check-status.cb-check-status--${check.status}`, CHECK_STATUS[check.status]),
			' ',
			h('span.cb-check-title', check.title),
		]),
		h(
			'p.cb-check-scope',
			check.status === 'skipped'
				? [`${repository}/${check.chart.name} ${versions} · not rendered in this build: ${check.reason ?? 'skipped'}`]
				: [
						`${repository}/${check.chart.name} ${versions} · Helm ${helm} · `,
						`${check.runs.length} ${check.runs.length === 1 ? 'render' : 'renders'}`,
					],
		),
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
	if (check.validation) children.push(validationBlock(check.validation));
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

const RULES: Record<SchemaFindingReport['rule'], string> = {
	'unknown-field': 'Unknown field',
	'wrong-type': 'Wrong type',
	'missing-field': 'Missing required field',
	'duplicate-key': 'Duplicate key',
	'unknown-kind': 'Unknown kind',
	'not-yaml': 'Not YAML',
};

function findingItem(finding: SchemaFindingReport): Element {
	return h('li', { dataFindingRule: finding.rule, dataFindingOrigin: finding.snippet ? 'snippet' : 'chart' }, [
		`${RULES[finding.rule]} `,
		finding.path ? h('code', finding.path) : '',
		' in ',
		h('code', finding.document),
		finding.source ? [' (', h('code', finding.source), ')'] : [],
		` on ${finding.versions}: expected ${finding.expected}, found ${finding.found}. `,
		finding.snippet ? `Written by this page's snippet "${finding.snippet.id}", line ${finding.snippet.line}.` : 'In the chart\'s own output.',
	].flat());
}

/** A check's strict schema validation: one line when valid, else its findings. */
function validationBlock(validation: ValidationSummaryReport): Element {
	const notChecked = validation.notChecked.length ? ` Not schema-checked (no schema for these custom resources): ${validation.notChecked.join(', ')}.` : '';
	if (validation.findings.length === 0) {
		return h('p.cb-validation', { dataValidation: 'valid' }, `✓ Every rendered document is valid for Kubernetes ${validation.kubernetes} (strict).${notChecked}`);
	}
	const head = validation.expectedInvalid
		? `Not valid for Kubernetes ${validation.kubernetes} (strict), as this check shows: ${validation.findings.length} finding(s).`
		: `Kubernetes ${validation.kubernetes} schemas (strict): ${validation.findings.length} finding(s).`;
	return h('div.cb-validation', { dataValidation: validation.expectedInvalid ? 'expected-invalid' : validation.status }, [
		h('p', `${head}${notChecked}`),
		h('ul', validation.findings.map(findingItem)),
	]);
}

/**
 * The snippet's own line: "valid for Kubernetes 1.32 (strict)" when no object it wrote breaks
 * the schemas in any render of its checks, else what it wrote wrong. Findings in the chart's own
 * output are listed under each check, not held against the snippet.
 */
export function snippetValidation(checks: CheckReport[], snippetId: string): Element | undefined {
	// A check that misapplies the snippet on purpose says nothing about the snippet where it belongs.
	const summaries = checks.flatMap((check) => (check.validation && !check.validation.expectedInvalid ? [check.validation] : []));
	if (summaries.length === 0) return undefined;
	const kubernetes = summaries[0]!.kubernetes;
	const own = summaries.flatMap((s) => s.findings).filter((f) => f.snippet?.id === snippetId);
	if (own.length === 0) {
		return h('p.cb-validation.cb-validation--snippet', { dataSnippetValidation: 'valid' }, `Valid for Kubernetes ${kubernetes} (strict): every object this snippet renders passes the API schemas.`);
	}
	return h('div.cb-validation.cb-validation--snippet', { dataSnippetValidation: 'findings' }, [
		h('p', `Not valid for Kubernetes ${kubernetes} (strict):`),
		h('ul', own.map(findingItem)),
	]);
}

/** The `ol.cb-checks` list of a panel. */
export async function verificationChecks(checks: CheckReport[]): Promise<Element> {
	return h('ol.cb-checks', await Promise.all(checks.map(checkItem)));
}

/**
 * The panel body as the HTML fragment the page fetches: the intro (verificationIntro), the
 * snippet's schema validation line, then the checks.
 */
export async function verificationFragment(checks: CheckReport[], options: { intro?: Element; snippetId?: string } = {}): Promise<string> {
	const line = options.snippetId === undefined ? undefined : snippetValidation(checks, options.snippetId);
	return `${options.intro ? toHtml(options.intro) : ''}${line ? toHtml(line) : ''}${toHtml(await verificationChecks(checks))}\n`;
}
