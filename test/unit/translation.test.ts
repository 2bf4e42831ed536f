import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCaseArticles } from '../../src/lib/verify/articles.ts';

// The consistency rules between an English case and its translation (docs/authoring.md,
// "Translations"), each on the fixture pair of test/fixtures/translations with one edit.

const fixtures = fileURLToPath(new URL('../fixtures/translations/', import.meta.url));
const SOURCE = await readFile(join(fixtures, 'tempo/case.mdx'), 'utf8');
const CHECKS = await readFile(join(fixtures, 'tempo/case.checks.yaml'), 'utf8');
const ZH = await readFile(join(fixtures, 'zh-cn/tempo/case.mdx'), 'utf8');
const ZH_FILE = 'content/docs/zh-cn/tempo/case.mdx';

const roots: string[] = [];
after(async () => {
	for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function load(edit: { source?: (t: string) => string; zh?: (t: string) => string; extra?: Record<string, string> } = {}) {
	const root = await mkdtemp(join(tmpdir(), 'casebook-translation-'));
	roots.push(root);
	const content = join(root, 'content/docs');
	const files: Record<string, string> = {
		'tempo/case.mdx': edit.source ? edit.source(SOURCE) : SOURCE,
		'tempo/case.checks.yaml': CHECKS,
		'zh-cn/tempo/case.mdx': edit.zh ? edit.zh(ZH) : ZH,
		...edit.extra,
	};
	for (const [name, text] of Object.entries(files)) {
		await mkdir(dirname(join(content, name)), { recursive: true });
		await writeFile(join(content, name), text);
	}
	return loadCaseArticles(root, content);
}

function replace(from: string, to: string) {
	return (text: string) => {
		assert.ok(text.includes(from), `fixture contains ${JSON.stringify(from)}`);
		return text.replace(from, to);
	};
}

async function errorOf(edit: Parameters<typeof load>[0]) {
	const { errors } = await load(edit);
	assert.equal(errors.length, 1, `expected one error, got: ${errors.map((e) => e.format()).join('\n') || 'none'}`);
	return errors[0]!;
}

/** 1-based line of the first occurrence of `text` in the translation as edited. */
function lineOf(source: string, text: string): number {
	return source.slice(0, source.indexOf(text)).split('\n').length;
}

describe('translations', () => {
	it('load the fixture pair: the translation inherits the case, its anchors are the English ones', async () => {
		const { articles, translations, errors, warnings } = await load();
		assert.deepEqual(errors, []);
		assert.deepEqual(warnings, []);
		assert.equal(articles.length, 1, 'the translation is not a second case to verify');
		const [zh] = translations;
		assert.equal(zh!.slug, 'zh-cn/tempo/case');
		assert.equal(zh!.case.id, 'fixture-translated');
		assert.equal(zh!.case.chart.name, 'tempo-distributed');
		assert.deepEqual(zh!.case.answer!.who, { text: '所有使用 1.13.0 或 1.13.1 的用户。', known: { check: 'broken' } });
		assert.deepEqual(zh!.case.answer!.confirm, { check: 'broken', text: '渲染结果中没有 ingester StatefulSet。' });
		assert.deepEqual(zh!.case.symptoms, ['ingester 消失', 'ingester pods missing']);
		assert.deepEqual(zh!.case.errors, ['could not find template']);
		assert.equal(zh!.case.checks.length, 2);
		assert.deepEqual(zh!.headings.map((h) => h.anchor), ['symptoms', 'fix', 'upgrading', 'am-i-affected']);
		assert.equal(zh!.stale, false);
	});

	it('fail when the translation cites a check the source lacks', async () => {
		const error = await errorOf({ zh: replace('<Evidence check="broken" />。', '<Evidence check="nonexistent" />。') });
		assert.match(error.message, /check "nonexistent", which this case does not have/);
		assert.deepEqual([error.file, error.line], [ZH_FILE, lineOf(ZH, '渲染结果中没有 ingester StatefulSet <Evidence')]);
	});

	it('fail when the translation misses a check the fix cites', async () => {
		const error = await errorOf({ zh: replace('关闭 rollout-operator <Evidence check="fix" />', '关闭 rollout-operator') });
		assert.match(error.message, /misses <Evidence check="fix" \/>/);
		assert.equal(error.file, ZH_FILE);
	});

	it('fail when the translation cites an upstream source the English article does not', async () => {
		const error = await errorOf({ zh: replace('issues/3222"', 'issues/9999"') });
		assert.match(error.message, /misses <Evidence source=/);
	});

	it('fail when the translation has a snippet the source lacks', async () => {
		const error = await errorOf({ zh: replace('id="switch-off"', 'id="switch-off-zh"') });
		assert.match(error.message, /snippet "switch-off-zh" is not in the English article/);
		assert.deepEqual([error.file, error.line], [ZH_FILE, lineOf(ZH, '```yaml')]);
	});

	it('fail when the translation misses a snippet the fix applies', async () => {
		const error = await errorOf({ zh: replace('```yaml title="修复.yaml" id="switch-off"\nrollout_operator:\n  enabled: false\n```\n', '') });
		assert.match(error.message, /misses snippet "switch-off"/);
	});

	it('fail when fence code is not byte-identical, naming the line', async () => {
		const error = await errorOf({ zh: replace('  enabled: false\n```', '  enabled: false # 关闭\n```') });
		assert.match(error.message, /code of switch-off differs/);
		assert.deepEqual([error.file, error.line], [ZH_FILE, lineOf(ZH, '  enabled: false')]);
		assert.equal(error.expected, '"  enabled: false"');
	});

	it('allow a translated fence title', async () => {
		const { errors } = await load({ zh: replace('title="修复.yaml"', 'title="关闭 rollout-operator"') });
		assert.deepEqual(errors, []);
	});

	it('fail when the heading outline differs', async () => {
		const error = await errorOf({ zh: replace('### 升级', '## 升级') });
		assert.match(error.message, /heading outline differs/);
		assert.deepEqual([error.file, error.line], [ZH_FILE, lineOf(ZH, '### 升级')]);
		const fewer = await errorOf({ zh: replace('### 升级\n', '') });
		assert.match(fewer.message, /heading outline differs/);
	});

	it('fail when a component of the English article is missing', async () => {
		const error = await errorOf({ zh: replace('<AmIAffected />\n', '') });
		assert.match(error.message, /components differ/);
	});

	it('fail when translation.of names an unknown case', async () => {
		const error = await errorOf({ zh: replace('of: fixture-translated', 'of: no-such-case') });
		assert.match(error.message, /no English article declares/);
		assert.deepEqual([error.file, error.line], [ZH_FILE, 5]);
		assert.match(error.expected!, /fixture-translated/);
	});

	it('fail when the translation is not at its source\'s path', async () => {
		const { errors } = await load({ zh: () => '---\ntitle: x\n---\n', extra: { 'zh-cn/loki/case.mdx': ZH } });
		assert.equal(errors.length, 1, errors.map((e) => e.format()).join('\n'));
		assert.match(errors[0]!.message, /path of its English article/);
	});

	it('fail when a translation re-declares what it inherits', async () => {
		const error = await errorOf({ zh: replace('  status: 已在 1.13.2 修复', '  status: 已在 1.13.2 修复\n  fixedIn: 1.13.3') });
		assert.match(error.message, /fixedIn/);
		assert.equal(error.file, ZH_FILE);
	});

	it('fail when a translation has a checks file', async () => {
		const error = await errorOf({ extra: { 'zh-cn/tempo/case.checks.yaml': CHECKS } });
		assert.match(error.message, /has no checks file/);
	});

	it('fail when the answer block is left untranslated', async () => {
		const error = await errorOf({ zh: replace("  answer:\n    who: { text: '所有使用 1.13.0 或 1.13.1 的用户。' }\n    action: { text: '应用 fix.yaml。' }\n    confirm: { text: '渲染结果中没有 ingester StatefulSet。' }\n", '') });
		assert.match(error.message, /must translate it/);
	});

	it('warn, not fail, when the English article changed after the translation', async () => {
		const edited = SOURCE.replace('No ingester StatefulSet is rendered', 'No ingester StatefulSet is rendered at all');
		const { errors, warnings, translations } = await load({ source: () => edited });
		assert.deepEqual(errors, []);
		assert.equal(translations[0]!.stale, true);
		assert.equal(warnings.length, 1);
		assert.match(warnings[0]!.message, /may be out of date/);
		assert.deepEqual([warnings[0]!.file, warnings[0]!.line], [ZH_FILE, 6]);
		assert.equal(warnings[0]!.expected!.split(' ')[1], createHash('sha256').update(edited).digest('hex'));
	});
});
