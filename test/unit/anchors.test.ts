import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnchorCollisions, findHeadings, headingAnchor } from '../../src/lib/article/anchors.ts';

describe('heading anchors', () => {
	it('slugs headings the way Starlight does for plain text', () => {
		assert.equal(headingAnchor('Am I affected?'), 'am-i-affected');
		assert.equal(headingAnchor('Upgrading from `1.12`'), 'upgrading-from-112');
		assert.equal(headingAnchor('Older chart: loki-distributed'), 'older-chart-loki-distributed');
	});

	it('ignores headings inside fences', () => {
		const body = ['## Fix', '```md', '## not a heading', '```', '### Tenant directories'].join('\n');
		assert.deepEqual(findHeadings(body, 10), [
			{ text: 'Fix', line: 10 },
			{ text: 'Tenant directories', line: 14 },
		]);
	});

	it('rejects a snippet id that equals a heading anchor', () => {
		const snippet = { id: 'fix', lang: 'yaml', illustrative: false, line: 12, contentLine: 13, text: 'a: 1\n' };
		assert.throws(
			() => checkAnchorCollisions([snippet], '## Fix\n\ntext', 10, 'a.mdx'),
			/snippet id "fix" is also the anchor of the heading at line 10/,
		);
	});
});
