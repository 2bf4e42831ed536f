import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ExpressiveCodeEngine } from '@expressive-code/core';
import { toHtml } from '@expressive-code/core/hast';
import { casebookCode } from '../../src/integrations/casebook-code/index.ts';
import { verificationFragment } from '../../src/integrations/casebook-code/panel.ts';
import { writeStoredReport } from '../../src/lib/report/store.ts';
import { reportFixture } from './case-ui-fixture.ts';

// The plugin is given the report's path, as astro.config.mjs gives it the configured one.
const dir = mkdtempSync(join(tmpdir(), 'casebook-ui-'));
const reportPath = join(dir, 'report.json');
await writeStoredReport(reportPath, reportFixture());

const article = resolve('content/docs/tempo/ingester-statefulset-missing.mdx');

async function render(meta: string, options: { file?: string; code?: string; language?: string } = {}) {
	const engine = new ExpressiveCodeEngine({ plugins: [casebookCode({ report: reportPath })] });
	const { renderedGroupAst } = await engine.render({
		code: options.code ?? 'rollout_operator:\n  enabled: false\n',
		language: options.language ?? 'yaml',
		meta,
		parentDocument: { sourceFilePath: options.file ?? article },
	});
	return toHtml(renderedGroupAst);
}

describe('casebook-code Expressive Code plugin', () => {
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('gives a verified snippet its anchor, badge, checks, download and copy-link control', async () => {
		const html = await render('title="no-rollout-operator.yaml" id="no-rollout-operator"');
		assert.match(html, /^<div class="cb-snippet not-content" id="no-rollout-operator" data-snippet="no-rollout-operator" data-snippet-status="verified">/);
		assert.match(html, /✓<\/span> Verified<\/span><span class="cb-badge-text">/);
		const summary = /<summary>(.*?)<\/summary>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
		assert.equal(summary, '✓ Verified · tempo-distributed 1.13.0, 1.13.1 · Helm 3.17.3, 4.1.4 · 2026-11-22');
		// The checks themselves are a separate file, fetched when the panel opens.
		assert.match(html, /<details class="cb-verification" data-snippet-verification="" data-fragment-src="\.\.\/\.\.\/verification\/tempo-ingester-statefulset-missing\/no-rollout-operator\.html" data-failed-text="The list of checks could not be loaded \(\{\{reason\}\}\)\.">/);
		assert.match(html, /<a href="\.\.\/\.\.\/verification\/tempo-ingester-statefulset-missing\/no-rollout-operator\.html" data-panel-link="">/);
		assert.doesNotMatch(html, /data-check-id=/);
		// Relative to the article at <base>tempo/ingester-statefulset-missing/, so any base works.
		assert.match(html, /href="\.\.\/\.\.\/snippets\/tempo-ingester-statefulset-missing\/no-rollout-operator\.yaml" download="no-rollout-operator\.yaml"/);
		assert.equal(
			new URL('../../snippets/tempo-ingester-statefulset-missing/no-rollout-operator.yaml', 'https://x.example/kb/tempo/ingester-statefulset-missing/').pathname,
			'/kb/snippets/tempo-ingester-statefulset-missing/no-rollout-operator.yaml',
		);
		assert.match(html, /Download no-rollout-operator\.yaml/);
		assert.match(html, /<button class="cb-action" type="button" data-casebook-copy="#no-rollout-operator" aria-label="Copy link to this snippet">/);
	});

	it('labels illustrative blocks in text', async () => {
		const html = await render('id="get-statefulsets" illustrative', { code: 'kubectl get sts', language: 'bash' });
		assert.match(html, /data-snippet-status="illustrative"/);
		assert.match(html, /Illustrative<\/span> · not verified against a render/);
		assert.doesNotMatch(html, /Download/);
		assert.match(html, /aria-label="Copy link to this snippet"/);
	});

	it('warns visibly about a block that nothing verifies', async () => {
		const html = await render('');
		assert.match(html, /data-snippet-status="unverified"/);
		assert.match(html, /Unverified<\/span> · this block has no id and is not marked illustrative/);
	});

	it('gives code blocks on other pages only a copy action, and anchors', async () => {
		const other = resolve('content/docs/index.mdx');
		const plain = await render('', { file: other });
		assert.match(plain, /^<div class="cb-snippet not-content" data-snippet="" data-snippet-status="plain"><div class="expressive-code">/);
		assert.match(plain, /<button class="cb-action" type="button" data-casebook-copy-code="" aria-label="Copy this code">/);
		assert.doesNotMatch(plain, /Verified|Illustrative|Unverified|data-casebook-copy="/);
		const anchored = await render('id="example"', { file: other });
		assert.match(anchored, /id="example" data-snippet="example" data-snippet-status="anchor"/);
		assert.doesNotMatch(anchored, /Verified|Illustrative|Unverified/);
	});

	it('ships no script of its own (copy buttons and panel loading are on every page already)', async () => {
		const engine = new ExpressiveCodeEngine({ plugins: [casebookCode({ report: reportPath })] });
		const ours = new ExpressiveCodeEngine({ plugins: [] });
		assert.deepEqual(await engine.getJsModules(), await ours.getJsModules());
	});
});

describe('verification panel in Chinese', () => {
	it('a Chinese article points its panel at the Chinese panel file', async () => {
		const engine = new ExpressiveCodeEngine({ plugins: [casebookCode({ report: reportPath, content: resolve('content/docs') })] });
		const { renderedGroupAst } = await engine.render({
			code: 'rollout_operator:\n  enabled: false\n',
			language: 'yaml',
			meta: 'title="no-rollout-operator.yaml" id="no-rollout-operator"',
			parentDocument: { sourceFilePath: resolve('content/docs/zh-cn/tempo/ingester-statefulset-missing.mdx') },
		});
		const html = toHtml(renderedGroupAst);
		assert.match(html, /data-fragment-src="\.\.\/\.\.\/\.\.\/verification\/tempo-ingester-statefulset-missing\/no-rollout-operator\.zh-cn\.html"/);
		assert.match(html, /<a href="\.\.\/\.\.\/\.\.\/verification\/tempo-ingester-statefulset-missing\/no-rollout-operator\.zh-cn\.html" data-panel-link="">/);
	});

	it('words the panel body in Chinese, leaving commands, names and rendered YAML as they are', async () => {
		const report = reportFixture().cases[0]!;
		const checks = report.checks.filter((check) => check.id === 'no-rollout-operator');
		const html = await verificationFragment(checks, { lang: 'zh-CN' });
		assert.match(html, /<span class="cb-check-status cb-check-status--passed">✓ 通过<\/span>/);
		assert.match(html, />复现<\/p><button class="cb-action" type="button" data-casebook-copy-text="helm repo add grafana/);
		assert.match(html, />复制命令<\/button>/);
		assert.match(html, /aria-label="复现 no-rollout-operator"/);
		assert.match(html, /<figcaption><code>PodDisruptionBudget\/t-tempo-ingester<\/code> · 渲染自 tempo-distributed 1\.13\.0/);
		const text = html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<[^>]+>/g, ' ').replace(/data-[\w-]+="[^"]*"/g, '');
		for (const english of ['Passed', 'Reproduce', 'Copy commands', 'rendered from', 'renders', 'Rendered']) assert.ok(!text.includes(english), `"${english}" left in: ${text}`);
		const skipped = structuredClone(report.checks[1]!);
		Object.assign(skipped, { status: 'skipped', reason: 'needs helm 4, not configured', helm: [], runs: [], excerpts: [] });
		assert.match(await verificationFragment([skipped], { lang: 'zh-CN' }), /○ 未运行<\/span>[\s\S]*本次构建未渲染：needs helm 4, not configured/);
	});
});

describe('verification panel body', () => {
	it('lists the checks that apply the snippet, with reproduce commands and highlighted excerpts', async () => {
		const report = reportFixture().cases[0]!;
		const html = await verificationFragment(report.checks.filter((check) => check.id === 'no-rollout-operator'));
		assert.match(html, /^<ol class="cb-checks"><li class="cb-check" data-check-id="no-rollout-operator" data-check-status="passed">/);
		assert.doesNotMatch(html, /data-check-id="broken-default"/);
		// The copy control carries the exact reproduce commands; the shown ones are highlighted at
		// build time with a colour per theme, as is the rendered excerpt.
		assert.match(html, /data-casebook-copy-text="helm repo add grafana https:\/\/grafana\.github\.io\/helm-charts\nhelm repo update grafana\nhelm template t grafana\/tempo-distributed --version 1\.13\.0 --namespace tracing -f no-rollout-operator\.yaml\n/);
		assert.match(html, /<pre class="cb-code" tabindex="0" role="group" aria-label="Reproduce no-rollout-operator" data-lang="bash"><code><span class="cb-line"><span style="--cb-light:#[0-9a-f]{6};--cb-dark:#[0-9a-f]{6}[^"]*">helm <\/span>/);
		assert.match(html, /<figcaption><code>PodDisruptionBudget\/t-tempo-ingester<\/code> · rendered from tempo-distributed 1\.13\.0/);
		assert.match(html, /aria-label="Rendered PodDisruptionBudget\/t-tempo-ingester" data-lang="yaml"/);
	});

	it('says a skipped check was not run, and why, instead of passed', async () => {
		const check = structuredClone(reportFixture().cases[0]!.checks[1]!);
		Object.assign(check, { status: 'skipped', reason: 'needs helm 4, not configured', helm: [], runs: [], excerpts: [] });
		const html = await verificationFragment([check]);
		assert.match(html, /data-check-status="skipped"/);
		assert.match(html, /<span class="cb-check-status cb-check-status--skipped">○ Not run<\/span>/);
		assert.match(html, /not rendered in this build: needs helm 4, not configured/);
		assert.doesNotMatch(html, /Passed/);
	});
});
