import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fenceAttributes, findFences } from '../../src/lib/markdown/fences.ts';
import { splitFrontmatter } from '../../src/lib/markdown/frontmatter.ts';
import { CasebookError } from '../../src/lib/errors.ts';

describe('findFences', () => {
	it('finds backtick and tilde fences with their lines and meta', () => {
		const body = ['# Title', '', '```yaml title="v.yaml" id="fix"', 'a: 1', '```', '', '~~~bash illustrative', 'kubectl get pods', '~~~'].join('\n');
		const fences = findFences(body, 10);
		assert.equal(fences.length, 2);
		assert.deepEqual(
			fences.map((f) => [f.lang, f.meta, f.line, f.contentLine, f.text]),
			[
				['yaml', 'title="v.yaml" id="fix"', 12, 13, 'a: 1\n'],
				['bash', 'illustrative', 16, 17, 'kubectl get pods\n'],
			],
		);
	});

	it('keeps a shorter fence inside a longer one as content', () => {
		const body = ['````md', '```yaml', 'x: 1', '```', '````'].join('\n');
		const fences = findFences(body);
		assert.equal(fences.length, 1);
		assert.equal(fences[0]!.text, '```yaml\nx: 1\n```\n');
	});

	it('removes the fence indentation from content lines', () => {
		const fences = findFences(['  ```yaml id="a"', '  k: v', '    n: 1', '  ```'].join('\n'));
		assert.equal(fences[0]!.text, 'k: v\n  n: 1\n');
	});

	it('runs an unclosed fence to the end of the document', () => {
		const fences = findFences(['```yaml id="a"', 'k: v'].join('\n'));
		assert.equal(fences[0]!.text, 'k: v\n');
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

describe('splitFrontmatter', () => {
	const source = ['---', 'title: T', 'case:', '  checks:', '    - id: one', '      versions: [1.0.0]', '---', 'Body'].join('\n');

	it('maps data paths back to file lines', () => {
		const fm = splitFrontmatter(source, 'a.mdx');
		assert.equal(fm.lineOf(['title']), 2);
		assert.equal(fm.lineOf(['case', 'checks', 0]), 5);
		assert.equal(fm.lineOf(['case', 'checks', 0, 'versions']), 6);
		// A path that does not exist points at its nearest parent.
		assert.equal(fm.lineOf(['case', 'checks', 0, 'expect']), 5);
		assert.equal(fm.bodyLine, 8);
		assert.equal(fm.body, 'Body');
	});

	it('reports malformed YAML with file, line and column', () => {
		const broken = ['---', 'title: T', 'case: [unclosed', '---'].join('\n');
		assert.throws(
			() => splitFrontmatter(broken, 'b.mdx'),
			(error: unknown) => error instanceof CasebookError && error.file === 'b.mdx' && error.line! >= 3 && /invalid YAML/.test(error.message),
		);
	});

	it('rejects a file without frontmatter', () => {
		assert.throws(() => splitFrontmatter('# no frontmatter', 'c.mdx'), /no frontmatter/);
	});
});
