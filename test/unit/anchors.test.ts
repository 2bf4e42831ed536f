import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnchorCollisions } from '../../src/lib/article/anchors.ts';
import { parseMarkdown } from '../../src/lib/article/parse.ts';

describe('heading anchors', () => {
	it('are the ids the site gives headings, duplicates numbered as GitHub does', () => {
		const { headings } = parseMarkdown(
			['## Am I affected?', '## Upgrading from `1.12`', '## Fix', '## Fix', '### Older chart: loki-distributed'].join('\n\n'),
			'mdx',
		);
		assert.deepEqual(
			headings.map((h) => h.anchor),
			['am-i-affected', 'upgrading-from-112', 'fix', 'fix-1', 'older-chart-loki-distributed'],
		);
	});

	it('ignores headings inside fences and keeps file lines', () => {
		const source = ['## Fix', '```md', '## not a heading', '```', '### Tenant directories'].join('\n');
		assert.deepEqual(
			parseMarkdown(source, 'mdx').headings.map((h) => [h.text, h.line]),
			[
				['Fix', 1],
				['Tenant directories', 5],
			],
		);
	});

	it('rejects a snippet id that equals a heading anchor', () => {
		const snippet = { id: 'fix', lang: 'yaml', illustrative: false, line: 12, contentLine: 13, text: 'a: 1\n' };
		const { headings } = parseMarkdown('## Fix\n\ntext', 'mdx');
		assert.throws(
			() => checkAnchorCollisions([snippet], headings, 'a.mdx'),
			/snippet id "fix" is also the anchor of the heading at line 1/,
		);
	});
});
