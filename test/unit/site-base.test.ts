import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToHtml, mdxToJs } from 'satteri';
import { normaliseBase, pagePath, permalinkPath, snippetPath, withBase } from '../../src/lib/site/base.ts';
import { baseLinksPlugin } from '../../src/lib/site/markdown-base.ts';

describe('withBase', () => {
	it('prefixes root-relative paths, keeping query and fragment', () => {
		assert.equal(withBase('/tempo/x/', '/kb/'), '/kb/tempo/x/');
		assert.equal(withBase('/tempo/x/#restore-ingester', '/kb/'), '/kb/tempo/x/#restore-ingester');
		assert.equal(withBase('/api/cases.json?v=1', '/kb/'), '/kb/api/cases.json?v=1');
		assert.equal(withBase('/', '/kb/'), '/kb/');
	});

	it('accepts the base with or without slashes', () => {
		for (const base of ['/kb/', '/kb', 'kb', 'kb/']) assert.equal(withBase('/a/', base), '/kb/a/');
		assert.equal(withBase('/a/', '/docs/kb/'), '/docs/kb/a/');
	});

	it('leaves everything else alone', () => {
		for (const href of ['#top', '?q=1', 'relative/page/', '../up/', '//cdn.example/x.js', 'https://example.com/', 'mailto:a@b.c', '']) {
			assert.equal(withBase(href, '/kb/'), href);
		}
	});

	it('is the identity for the root base', () => {
		assert.equal(withBase('/tempo/x/', '/'), '/tempo/x/');
		assert.equal(withBase('/tempo/x/', ''), '/tempo/x/');
	});
});

describe('page paths', () => {
	it('normalises bases', () => {
		assert.equal(normaliseBase(''), '/');
		assert.equal(normaliseBase('/'), '/');
		assert.equal(normaliseBase('//kb//'), '/kb/');
	});

	it('builds article, permalink and snippet paths under the base', () => {
		assert.equal(pagePath('tempo/x', '/kb/'), '/kb/tempo/x/');
		assert.equal(pagePath('', '/kb/'), '/kb/');
		assert.equal(pagePath('/tempo/x/', '/'), '/tempo/x/');
		assert.equal(permalinkPath('tempo-x', '/kb'), '/kb/cases/tempo-x/');
		assert.equal(snippetPath('tempo-x', 'fix.yaml', '/'), '/snippets/tempo-x/fix.yaml');
	});
});

describe('baseLinksPlugin', () => {
	const plugin = baseLinksPlugin('/kb/');

	it('rewrites Markdown links and images, not fragments or other hosts', async () => {
		const { html } = await markdownToHtml(
			'[a](/tempo/x/#y) [b](#c) [c](//host/x) [d](https://e.com/) ![i](/i.png)\n\n[r]: /ref/\n\n[r]',
			{ hastPlugins: [plugin] },
		);
		assert.match(html, /href="\/kb\/tempo\/x\/#y"/);
		assert.match(html, /href="#c"/);
		assert.match(html, /href="\/\/host\/x"/);
		assert.match(html, /href="https:\/\/e.com\/"/);
		assert.match(html, /src="\/kb\/i.png"/);
		assert.match(html, /href="\/kb\/ref\/"/);
	});

	it('rewrites literal <a> tags in MDX but not expression values', async () => {
		const { code } = await mdxToJs('[m](/md/) <a href="/jsx/">j</a>\n\n<a href={"/expr/"}>e</a>\n', { hastPlugins: [plugin] });
		assert.match(code, /"\/kb\/md\/"/);
		assert.match(code, /"\/kb\/jsx\/"/);
		assert.match(code, /"\/expr\/"/);
		assert.doesNotMatch(code, /\/kb\/expr\//);
	});
});
