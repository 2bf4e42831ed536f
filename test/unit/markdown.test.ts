import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdown } from '../../src/lib/article/parse.ts';
import { fenceAttributes } from '../../src/lib/article/snippets.ts';

describe('parseMarkdown code blocks', () => {
	it('finds backtick and tilde fences with their file lines and meta', () => {
		const source = ['---', 'title: x', '---', '# Title', '', '```yaml title="v.yaml" id="fix"', 'a: 1', '```', '', '~~~bash illustrative', 'kubectl get pods', '~~~'].join('\n');
		const parsed = parseMarkdown(source, 'mdx');
		assert.deepEqual(parsed.frontmatter, { text: 'title: x', firstLine: 2 });
		assert.deepEqual(
			parsed.codeBlocks.map((f) => [f.lang, f.meta, f.line, f.contentLine, f.text, f.fenced]),
			[
				['yaml', 'title="v.yaml" id="fix"', 6, 7, 'a: 1\n', true],
				['bash', 'illustrative', 10, 11, 'kubectl get pods\n', true],
			],
		);
	});

	it('keeps a shorter fence inside a longer one as content', () => {
		const blocks = parseMarkdown(['````md', '```yaml', 'x: 1', '```', '````'].join('\n'), 'mdx').codeBlocks;
		assert.equal(blocks.length, 1);
		assert.equal(blocks[0]!.text, '```yaml\nx: 1\n```\n');
	});

	it('removes the fence indentation from content lines', () => {
		const blocks = parseMarkdown(['  ```yaml id="a"', '  k: v', '    n: 1', '  ```'].join('\n'), 'mdx').codeBlocks;
		assert.equal(blocks[0]!.text, 'k: v\n  n: 1\n');
	});

	it('runs an unclosed fence to the end of the document', () => {
		assert.equal(parseMarkdown(['```yaml id="a"', 'k: v'].join('\n'), 'mdx').codeBlocks[0]!.text, 'k: v\n');
	});

	it('sees an indented code block in Markdown, which cannot carry attributes', () => {
		const [block] = parseMarkdown('text\n\n    indented: code\n', 'md').codeBlocks;
		assert.equal(block!.fenced, false);
		assert.equal(block!.line, 3);
	});
});

describe('fenceAttributes', () => {
	it('reads id, title and the illustrative flag as Expressive Code does', () => {
		assert.deepEqual(fenceAttributes('title="values.yaml" id="restore-ingester"'), {
			id: 'restore-ingester',
			title: 'values.yaml',
			illustrative: false,
			errors: [],
		});
		assert.equal(fenceAttributes('id="x" illustrative').illustrative, true);
	});
});
