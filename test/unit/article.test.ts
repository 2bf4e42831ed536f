import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { contentSlug } from '../../src/lib/article/slug.ts';
import { loadCaseArticles } from '../../src/lib/verify/articles.ts';

const fixtures = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const VALID_MDX = await readFile(join(fixtures, 'valid.mdx'), 'utf8');
const VALID_CHECKS = await readFile(join(fixtures, 'valid.checks.yaml'), 'utf8');

const roots: string[] = [];
after(async () => {
	for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** Writes files into a fresh content folder and loads every article in it. */
async function load(files: Record<string, string>) {
	const root = await mkdtemp(join(tmpdir(), 'casebook-article-'));
	roots.push(root);
	const content = join(root, 'content/docs');
	for (const [name, text] of Object.entries(files)) {
		await mkdir(dirname(join(content, name)), { recursive: true });
		await writeFile(join(content, name), text);
	}
	return loadCaseArticles(root, content);
}

/** The valid case with one edit to its article and/or checks file. */
function valid(edit: { mdx?: (text: string) => string; checks?: (text: string) => string } = {}) {
	return {
		'tempo/case.mdx': edit.mdx ? edit.mdx(VALID_MDX) : VALID_MDX,
		'tempo/case.checks.yaml': edit.checks ? edit.checks(VALID_CHECKS) : VALID_CHECKS,
	};
}

function replace(from: string, to: string) {
	return (text: string) => {
		assert.ok(text.includes(from), `fixture contains ${JSON.stringify(from)}`);
		return text.replace(from, to);
	};
}

async function errorOf(files: Record<string, string>) {
	const { errors } = await load(files);
	assert.equal(errors.length, 1, `expected one error, got: ${errors.map((e) => e.format()).join('\n')}`);
	return errors[0]!;
}

const ARTICLE = 'content/docs/tempo/case.mdx';
const CHECKS = 'content/docs/tempo/case.checks.yaml';

describe('loading case articles', () => {
	it('reads a valid article with its case, snippets and lines in both files', async () => {
		const { articles, errors } = await load(valid());
		assert.deepEqual(errors, []);
		const [article] = articles;
		assert.equal(article!.case.id, 'fixture-valid');
		assert.equal(article!.case.namespace, 'tracing');
		assert.equal(article!.slug, 'tempo/case');
		assert.equal(article!.checksFile, CHECKS);
		assert.deepEqual(
			article!.snippets.map((s) => [s.id, s.lang, s.line, s.illustrative]),
			[
				['fix', 'yaml', 12, false],
				[undefined, 'bash', 17, true],
			],
		);
		assert.deepEqual(article!.locate(['case', 'checks', 0, 'values']), { file: CHECKS, line: 11 });
		assert.deepEqual(article!.locate(['case', 'fixedIn']), { file: ARTICLE, line: 9 });
	});

	it('names the frontmatter line of a field of the wrong type', async () => {
		const error = await errorOf(valid({ mdx: replace('fixedIn: 1.13.2', 'fixedIn: [1, 2]') }));
		assert.equal(error.file, ARTICLE);
		assert.equal(error.line, 9);
		assert.match(error.message, /case\.fixedIn/);
		assert.equal(error.found, '[1,2]');
	});

	it('rejects an unknown frontmatter field at its own line', async () => {
		const error = await errorOf(valid({ mdx: replace('  fixedIn: 1.13.2\n', '  fixedIn: 1.13.2\n  namspace: typo\n') }));
		assert.match(error.message, /namspace/);
		assert.deepEqual([error.file, error.line], [ARTICLE, 10]);
	});

	it('reports malformed frontmatter YAML at its line', async () => {
		const error = await errorOf(valid({ mdx: replace('component: ingester', 'component: [ingester') }));
		assert.match(error.message, /invalid YAML in the frontmatter/);
		assert.equal(error.file, ARTICLE);
		assert.ok(error.line! >= 6 && error.line! <= 8, `line ${error.line}`);
	});

	it('reports malformed checks-file YAML in that file', async () => {
		const error = await errorOf(valid({ checks: replace('namespace: tracing', 'namespace: [tracing') }));
		assert.match(error.message, /invalid YAML/);
		assert.equal(error.file, CHECKS);
		assert.ok(error.line! >= 1 && error.line! <= 3, `line ${error.line}`);
	});

	it('maps invalid snippet YAML back to the article line and column', async () => {
		const error = await errorOf(valid({ mdx: replace('enabled: false', 'enabled: [false') }));
		assert.match(error.message, /invalid YAML in snippet "fix"/);
		assert.ok(error.line! >= 14 && error.line! <= 15, `line ${error.line}`);
		assert.ok(error.column! > 0);
	});

	it('reports an unclosed quote in a snippet on the line the quote opens', async () => {
		const error = await errorOf(valid({ mdx: replace('  enabled: false\n', '  enabled: false\n  name: "open\n  other: 1\n') }));
		assert.match(error.message, /invalid YAML in snippet "fix"/);
		assert.equal(error.line, 15);
	});

	it('rejects a check that applies a snippet id that does not exist, at the checks-file line', async () => {
		const error = await errorOf(valid({ checks: replace('values: [fix]', 'values: [fix, restore]') }));
		assert.match(error.message, /snippet "restore"/);
		assert.deepEqual([error.file, error.line], [CHECKS, 11]);
		assert.equal(error.found, 'snippet ids: fix');
	});

	it('rejects duplicate snippet ids, naming both lines', async () => {
		const error = await errorOf(valid({ mdx: (text) => `${text}\n\`\`\`yaml id="fix"\na: 1\n\`\`\`\n` }));
		assert.match(error.message, /duplicate snippet id "fix" \(first used at line 12\)/);
		assert.equal(error.line, 21);
	});

	it('rejects a fence that is neither checked nor illustrative', async () => {
		const error = await errorOf(valid({ mdx: replace('```bash illustrative', '```bash') }));
		assert.match(error.message, /neither checked nor marked illustrative/);
		assert.equal(error.line, 17);
	});

	it('rejects an id-carrying YAML snippet that no check uses', async () => {
		const error = await errorOf(valid({ mdx: (text) => `${text}\n\`\`\`yaml id="spare"\na: 1\n\`\`\`\n` }));
		assert.match(error.message, /snippet "spare" is not used by any check/);
		assert.equal(error.line, 21);
	});

	it('rejects an expectation missing its path, at its line in the checks file', async () => {
		const error = await errorOf(
			valid({ checks: replace('- documentExists: Service/t-tempo-ingester', '- equal: { document: Service/t-tempo-ingester, value: 3 }') }),
		);
		assert.match(error.message, /expect\[1\]\.equal\.path/);
		assert.deepEqual([error.file, error.line], [CHECKS, 14]);
	});

	it('rejects a version range that is not semver', async () => {
		const error = await errorOf(valid({ checks: replace("'>=1.12.0 <1.14.0'", "'newest please'") }));
		assert.match(error.message, /versions/);
		assert.deepEqual([error.file, error.line], [CHECKS, 3]);
	});

	it('says to quote versions that YAML read as numbers', async () => {
		const bare = await errorOf(valid({ checks: replace('versions: [1.13.0]', 'versions: 1.40') }));
		assert.match(bare.message, /write versions as strings/);
		assert.deepEqual([bare.file, bare.line], [CHECKS, 10]);
		const listed = await errorOf(valid({ checks: replace('versions: [1.13.0]', 'versions: [1.40]') }));
		assert.match(listed.message, /write versions as strings in quotes, e\.g\. '1\.4\.0'/);
	});

	it('sees a fence nested in a list item and rejects it unmarked, at its line', async () => {
		const nested = '\n- Apply this:\n\n    ```yaml\n    rollout_operator:\n      enabled: true\n    ```\n';
		const error = await errorOf(valid({ mdx: (text) => text + nested }));
		assert.match(error.message, /neither checked nor marked illustrative/);
		assert.equal(error.line, 23);
	});

	it('rejects a nested fence that reuses a checked snippet id', async () => {
		const nested = '\n- Apply this:\n\n    ```yaml id="fix"\n    rollout_operator:\n      enabled: true\n    ```\n';
		const error = await errorOf(valid({ mdx: (text) => text + nested }));
		assert.match(error.message, /duplicate snippet id "fix"/);
		assert.equal(error.line, 23);
	});

	it('sees fences inside components and asides', async () => {
		for (const wrapper of [
			(fence: string) => `<div>\n\n${fence}\n\n</div>\n`,
			(fence: string) => `:::note\n${fence}\n:::\n`,
		]) {
			const error = await errorOf(valid({ mdx: (text) => `${text}\n${wrapper('```yaml\na: 1\n```')}` }));
			assert.match(error.message, /neither checked nor marked illustrative/);
		}
	});

	it('rejects code shown through <pre> in a case article', async () => {
		const error = await errorOf(valid({ mdx: (text) => `${text}\n<pre>a: 1</pre>\n` }));
		assert.match(error.message, /<pre> shows code that no check can see/);
		assert.equal(error.line, 21);
	});

	it('rejects checks left in the frontmatter, pointing at the checks file', async () => {
		const error = await errorOf(valid({ mdx: replace('  fixedIn: 1.13.2\n', '  fixedIn: 1.13.2\n  namespace: tracing\n') }));
		assert.match(error.message, /"case\.namespace" belongs in the checks file/);
		assert.deepEqual([error.file, error.line], [ARTICLE, 10]);
	});

	it('rejects a case without a checks file, and a checks file without an article', async () => {
		const missing = await errorOf({ 'tempo/case.mdx': VALID_MDX });
		assert.match(missing.message, /the case has no checks file/);
		assert.equal(missing.expected?.startsWith('content/docs/tempo/case.checks.yaml'), true);
		const orphan = await errorOf({ 'tempo/gone.checks.yaml': VALID_CHECKS });
		assert.match(orphan.message, /no article beside it/);
		assert.equal(orphan.file, 'content/docs/tempo/gone.checks.yaml');
	});
});

describe('contentSlug', () => {
	it('follows Astro: slugged segments, no extension, a trailing index dropped', () => {
		assert.equal(contentSlug('Tempo/Ingester-Missing.mdx'), 'tempo/ingester-missing');
		assert.equal(contentSlug('tempo/index.md'), 'tempo');
		assert.equal(contentSlug('index.mdx'), 'index');
		assert.equal(contentSlug('a/b.mdx', 'custom/slug'), 'custom/slug');
	});
});

describe('evidence marks and the answer', () => {
	const IMPORT = "import Evidence from '~/components/Evidence.astro';\n\n";

	it('accepts marks naming a check, a source or an inference', async () => {
		const prose = `${IMPORT}No ingester runs <Evidence check="fix" />, as the template shows <Evidence source="https://github.com/grafana/helm-charts/pull/1" label="grafana/helm-charts#1" />; data is lost <Evidence inference="pods never start" />.\n`;
		const { errors } = await load(valid({ mdx: (text) => text + prose }));
		assert.deepEqual(errors, []);
	});

	it('rejects a mark naming a check the case does not have, at its line', async () => {
		const error = await errorOf(valid({ mdx: (text) => `${text}${IMPORT}Broken <Evidence check="nope" />.\n` }));
		assert.match(error.message, /names check "nope"/);
		assert.deepEqual([error.file, error.line, error.expected], [ARTICLE, 22, 'one of: fix']);
	});

	it('rejects a mark that says nothing', async () => {
		const error = await errorOf(valid({ mdx: (text) => `${text}${IMPORT}Broken <Evidence />.\n` }));
		assert.match(error.message, /must say how the sentence is known/);
		assert.equal(error.line, 22);
	});

	it('rejects an answer or pitfall naming a check that does not exist, at its frontmatter line', async () => {
		const answer = [
			'  answer:',
			'    who: { text: Everyone on 1.13.0, known: { check: fix } }',
			'    action: { text: Upgrade, known: { check: missing } }',
			'    confirm: { check: fix, text: The render has no ingester. }',
			'',
		].join('\n');
		const error = await errorOf(valid({ mdx: replace('  fixedIn: 1.13.2\n', `  fixedIn: 1.13.2\n${answer}`) }));
		assert.match(error.message, /no check "missing"/);
		assert.deepEqual([error.file, error.line], [ARTICLE, 12]);
	});

	it('requires a pitfall block exactly when the case is a pitfall', async () => {
		const error = await errorOf(valid({ mdx: replace('  fixedIn: 1.13.2\n', '  fixedIn: 1.13.2\n  kinds: [pitfall]\n') }));
		assert.match(error.message, /needs a `pitfall:` block/);
	});
});
