import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCaseArticles } from '../../src/lib/verify/articles.ts';
import { slugOf } from '../../src/lib/article/load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

async function load(name: string) {
	return loadCaseArticles([`${fixtures}${name}`], root, fixtures);
}

async function errorOf(name: string) {
	const { errors } = await load(name);
	assert.equal(errors.length, 1, `expected one error for ${name}`);
	const [error] = errors;
	assert.equal(error!.file, `test/fixtures/articles/${name}`);
	return error!;
}

describe('loading case articles', () => {
	it('reads a valid article with its case, snippets and lines', async () => {
		const { articles, errors } = await load('valid.mdx');
		assert.deepEqual(errors, []);
		const [article] = articles;
		assert.equal(article!.case.id, 'fixture-valid');
		assert.equal(article!.slug, 'valid');
		assert.deepEqual(
			article!.snippets.map((s) => [s.id, s.lang, s.line, s.illustrative]),
			[
				['fix', 'yaml', 25, false],
				[undefined, 'bash', 30, true],
			],
		);
		assert.equal(article!.frontmatter.lineOf(['case', 'checks', 0, 'values']), 19);
	});

	it('names the line of a field of the wrong type', async () => {
		const error = await errorOf('bad-wrong-type.mdx');
		assert.equal(error.line, 9);
		assert.match(error.message, /case\.fixedIn/);
		assert.equal(error.found, '[1,2]');
	});

	it('rejects an unknown frontmatter field', async () => {
		const error = await errorOf('bad-unknown-field.mdx');
		assert.match(error.message, /namspace/);
		assert.equal(error.line, 11);
	});

	it('reports malformed frontmatter YAML at its line', async () => {
		const error = await errorOf('bad-malformed.mdx');
		assert.match(error.message, /invalid YAML in frontmatter/);
		assert.ok(error.line! >= 10 && error.line! <= 12, `line ${error.line}`);
	});

	it('maps invalid snippet YAML back to the Markdown line and column', async () => {
		const error = await errorOf('bad-snippet-yaml.mdx');
		assert.match(error.message, /invalid YAML in snippet "fix"/);
		assert.ok(error.line! >= 27 && error.line! <= 28, `line ${error.line}`);
		assert.ok(error.column! > 0);
	});

	it('rejects a check that applies a snippet id that does not exist', async () => {
		const error = await errorOf('bad-missing-snippet.mdx');
		assert.match(error.message, /snippet "restore"/);
		assert.equal(error.line, 19);
		assert.equal(error.found, 'snippet ids: fix');
	});

	it('rejects duplicate snippet ids, naming both lines', async () => {
		const error = await errorOf('bad-duplicate-id.mdx');
		assert.match(error.message, /duplicate snippet id "fix" \(first used at line 25\)/);
		assert.equal(error.line, 30);
	});

	it('rejects a fence that is neither checked nor illustrative', async () => {
		const error = await errorOf('bad-unmarked.mdx');
		assert.match(error.message, /neither checked nor marked illustrative/);
		assert.equal(error.line, 30);
	});

	it('rejects an id-carrying YAML snippet that no check uses', async () => {
		const error = await errorOf('bad-unused.mdx');
		assert.match(error.message, /snippet "spare" is not used by any check/);
		assert.equal(error.line, 30);
	});

	it('rejects an expectation missing its path', async () => {
		const error = await errorOf('bad-expectation.mdx');
		assert.match(error.message, /expect\[1\]\.equal\.path/);
		assert.equal(error.line, 22);
	});

	it('rejects a version range that is not semver', async () => {
		const error = await errorOf('bad-range.mdx');
		assert.match(error.message, /versions/);
		assert.equal(error.line, 12);
	});
});

describe('slugOf', () => {
	it('follows Starlight: lower case, no extension, index dropped', () => {
		assert.equal(slugOf('Tempo/Ingester-Missing.mdx'), 'tempo/ingester-missing');
		assert.equal(slugOf('tempo/index.md'), 'tempo');
		assert.equal(slugOf('index.mdx'), '');
	});
});
