import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MatrixEntry, Verdict } from '../../src/lib/report/schema.ts';
import { lookupWords } from '../../src/lib/i18n/ui.ts';
import { lookupData } from '../../src/lib/site/matrix.ts';
import { compareVersions, describeLookup, lookupUpgrade, lookupVersion, normaliseVersionInput } from '../../src/lib/site/version-lookup.ts';

function entry(repository: string, version: string, verdict: Verdict, reason?: string): MatrixEntry {
	return { repository, chart: 'loki', version, verdict, digest: 'd', ...(reason ? { reason } : {}) };
}

const words = lookupWords('en');
const zh = lookupWords('zh-CN');

const data = lookupData({
	chart: { repository: 'grafana', name: 'loki' },
	fixedIn: '6.30.0',
	matrix: [
		entry('grafana', '6.28.0', 'not-affected'),
		entry('grafana', '6.29.0', 'affected'),
		entry('grafana', '6.30.0', 'fixed'),
		entry('grafana', '7.0.0', 'affected'),
		entry('grafana-community', '7.0.0', 'fixed'),
		entry('grafana-community', '8.0.0', 'not-applicable', '8.0.0 removed the component on purpose'),
		entry('grafana', '6.19.0-weekly.227', 'not-affected'),
	],
});

describe('normaliseVersionInput', () => {
	it('accepts full versions with a leading v and surrounding spaces', () => {
		assert.equal(normaliseVersionInput('6.29.0'), '6.29.0');
		assert.equal(normaliseVersionInput('  v6.29.0\t'), '6.29.0');
		assert.equal(normaliseVersionInput('V6.29.0'), '6.29.0');
		assert.equal(normaliseVersionInput('6.19.0-weekly.227'), '6.19.0-weekly.227');
	});

	it('rejects partial versions and words', () => {
		for (const input of ['abc', '1.13', '1', 'v', '01.2.3', '1.2.3.4', '1.2.x', 'vv1.2.3', '']) {
			assert.equal(normaliseVersionInput(input), undefined, input);
		}
	});
});

describe('lookupVersion', () => {
	it('answers with the verdict of a version in the matrix', () => {
		const result = lookupVersion(data, ' v6.29.0 ');
		assert.equal(result.verdict, 'affected');
		assert.equal(result.version, '6.29.0');
		assert.deepEqual(result.answers, [{ repository: 'grafana', chart: 'loki', verdict: 'affected' }]);
		assert.equal(lookupVersion(data, '6.30.0').verdict, 'fixed');
		assert.equal(lookupVersion(data, '6.28.0').verdict, 'not-affected');
		assert.equal(lookupVersion(data, '6.19.0-weekly.227').verdict, 'not-affected');
	});

	it('answers for every repository that has the version, leading with the one that needs action', () => {
		const result = lookupVersion(data, '7.0.0');
		assert.equal(result.verdict, 'affected');
		assert.deepEqual(result.answers.map((a) => `${a.repository}:${a.verdict}`), ['grafana:affected', 'grafana-community:fixed']);
	});

	it('carries the reason of not-applicable versions', () => {
		const result = lookupVersion(data, '8.0.0');
		assert.equal(result.verdict, 'not-applicable');
		assert.equal(result.answers[0]!.reason, '8.0.0 removed the component on purpose');
	});

	it('distinguishes unknown versions, invalid input and an empty box', () => {
		assert.equal(lookupVersion(data, '9.9.9').verdict, 'unknown');
		assert.equal(lookupVersion(data, 'abc').verdict, 'invalid');
		assert.equal(lookupVersion(data, '6.29').verdict, 'invalid');
		assert.equal(lookupVersion(data, '   ').verdict, 'empty');
	});

	it('does not mistake object keys for versions', () => {
		assert.equal(lookupVersion(data, 'constructor').verdict, 'invalid');
		assert.equal(lookupVersion(data, '__proto__').verdict, 'invalid');
	});
});

describe('describeLookup', () => {
	const say = (input: string) => describeLookup(lookupVersion(data, input), data, words);

	it('advises the fix for affected versions of the case chart', () => {
		assert.deepEqual(say('6.29.0'), {
			headline: 'Affected',
			lines: ['grafana/loki 6.29.0 is affected. Upgrade to 6.30.0 or later.'],
		});
	});

	it('writes one line per repository', () => {
		assert.deepEqual(say('7.0.0').lines, [
			'grafana/loki 7.0.0 is affected. Upgrade to 6.30.0 or later.',
			'grafana-community/loki 7.0.0 is not affected: it includes the fix.',
		]);
	});

	it('explains not-applicable, not-affected and fixed answers', () => {
		assert.deepEqual(say('8.0.0').lines, [
			'grafana-community/loki 8.0.0: this case does not apply. 8.0.0 removed the component on purpose.',
		]);
		assert.match(say('6.28.0').lines[0]!, /not affected: it predates the problem/);
		assert.match(say('6.30.0').lines[0]!, /includes the fix from 6\.30\.0/);
	});

	it('is polite about input that is not a version, and says what was checked for unknown ones', () => {
		assert.equal(say('abc').headline, 'Not a chart version');
		assert.match(say('abc').lines[0]!, /“abc” is not a chart version/);
		assert.match(say('1.13').lines[0]!, /not a full chart version/);
		assert.match(say('9.9.9').lines[0]!, /9\.9\.9 is not a release of this chart that was rendered for this case\. Nearest rendered: 8\.0\.0 \(not applicable\)\. Checked: grafana\/loki 6\.19\.0-weekly\.227 to 7\.0\.0; grafana-community\/loki 7\.0\.0 to 8\.0\.0\./);
		assert.deepEqual(say(''), { headline: '', lines: [] });
	});
});

describe('answers per kind of case', () => {
	const tempo = (kinds: Array<'regression' | 'transition' | 'pitfall'>, pitfall?: { setting: string; instead: string[]; byVersion: Record<string, number> }) =>
		lookupData({
			chart: { repository: 'grafana', name: 'tempo-distributed' },
			fixedIn: '1.21.0',
			kinds,
			...(pitfall ? { pitfall } : {}),
			matrix: [entry('grafana', '1.20.0', 'affected'), entry('grafana', '1.21.0', 'fixed'), entry('grafana', '1.22.0', 'fixed')],
		});

	it('a transition never says fixed: versions are before or after the change', () => {
		const data = tempo(['transition']);
		const after = describeLookup(lookupVersion(data, '1.21.0'), data, words);
		assert.equal(after.headline, 'After the change');
		assert.doesNotMatch(after.lines.join(' '), /fixed|not affected/i);
		assert.equal(describeLookup(lookupVersion(data, '1.20.0'), data, words).headline, 'Before the change');
	});

	it('a transition answers for an upgrade from one version to another', () => {
		const data = tempo(['transition']);
		assert.equal(lookupUpgrade(data, '1.20.0', '1.21.0', words).verdict, 'crosses');
		assert.match(lookupUpgrade(data, '1.20.0', '1.22.0', words).headline, /crosses 1\.21\.0/);
		assert.equal(lookupUpgrade(data, '1.21.0', '1.22.0', words).verdict, 'no-change');
		assert.equal(lookupUpgrade(data, '1.20.0', '1.99.0', words).verdict, 'unknown');
		assert.equal(lookupUpgrade(data, '1.20', '1.21.0', words).verdict, 'invalid');
		assert.equal(lookupUpgrade(data, '', '1.21.0', words).verdict, 'empty');
	});

	it('a pitfall is never "not affected" where it holds, and says what works there', () => {
		const data = tempo(['pitfall', 'regression'], {
			setting: 'replicaCount above 1 without StatefulSet mode shares one PVC',
			instead: ['set server.statefulSet.enabled: true'],
			byVersion: { '1.20.0': 0, '1.21.0': 0, '1.22.0': 0 },
		});
		const result = lookupVersion(data, '1.22.0');
		assert.equal(result.verdict, 'pitfall');
		const message = describeLookup(result, data, words);
		assert.equal(message.headline, 'The pitfall applies');
		assert.match(message.lines.at(-1)!, /What works in 1\.22\.0: set server\.statefulSet\.enabled: true\./);
		assert.match(message.lines[0]!, /has the fix from 1\.21\.0 for the versions that broke; the pitfall below still applies/);
		assert.doesNotMatch(message.lines.join(' '), /not affected/i);
		assert.equal(lookupVersion(data, '1.20.0').verdict, 'affected', 'the regression still leads where it applies');
	});

	it('a version between rendered ones names its neighbours', () => {
		const data = tempo(['regression']);
		const message = describeLookup(lookupVersion(data, '1.20.5'), data, words);
		assert.match(message.lines[0]!, /Nearest rendered: 1\.20\.0 \(affected\) and 1\.21\.0 \(not affected \(fixed\)\)/);
	});

	it('orders versions as semver does, pre-releases first', () => {
		assert.deepEqual(['1.10.0', '1.9.0', '1.10.0-weekly.2', '1.10.0-weekly.10'].sort(compareVersions), [
			'1.9.0',
			'1.10.0-weekly.2',
			'1.10.0-weekly.10',
			'1.10.0',
		]);
	});
});

describe('answers in Chinese', () => {
	const say = (input: string) => describeLookup(lookupVersion(data, input), data, zh);
	const latin = /[A-Za-z]{3,}/g;
	/** English words left once chart names, versions, the typed input and the word "chart" (kept, as typed) are taken out. */
	const words = (text: string) => text.replace(/[\w.-]+\/[\w.-]+|\d[\w.-]*|“[^”]*”|\bchart\b/g, '').match(latin) ?? [];

	it('words every verdict in Chinese, keeping chart names and versions as typed', () => {
		assert.deepEqual(say('6.29.0'), { headline: '受影响', lines: ['grafana/loki 6.29.0 受影响。请升级到 6.30.0 或更高版本。'] });
		assert.deepEqual(say('7.0.0').lines, ['grafana/loki 7.0.0 受影响。请升级到 6.30.0 或更高版本。', 'grafana-community/loki 7.0.0 不受影响：它已包含修复。']);
		assert.equal(say('6.30.0').headline, '不受影响（已修复）');
		assert.equal(say('6.28.0').lines[0], 'grafana/loki 6.28.0 不受影响：它早于问题出现的版本。');
		for (const input of ['6.28.0', '6.29.0', '6.30.0', '7.0.0', 'abc', '1.13', '9.9.9']) {
			const message = say(input);
			assert.deepEqual(words([message.headline, ...message.lines].join(' ')), [], `${input}: ${message.lines.join(' ')}`);
		}
	});

	it('says what was checked for a version it does not know, and why input is not a version', () => {
		assert.equal(say('abc').headline, '不是 chart 版本号');
		assert.equal(say('1.13').lines[0], '“1.13” 不是完整的 chart 版本号。请输入全部三段，例如 1.13.0。');
		assert.equal(
			say('9.9.9').lines[0],
			'9.9.9 不是本案例渲染过的该 chart 版本。最接近的已渲染版本：8.0.0 (不适用)。已检查：grafana/loki 6.19.0-weekly.227 至 7.0.0；grafana-community/loki 7.0.0 至 8.0.0。',
		);
	});

	it('a transition and an upgrade across it are worded in Chinese', () => {
		const transition = lookupData({
			chart: { repository: 'grafana', name: 'tempo-distributed' },
			fixedIn: '1.21.0',
			kinds: ['transition'],
			matrix: [entry('grafana', '1.20.0', 'affected'), entry('grafana', '1.21.0', 'fixed'), entry('grafana', '1.22.0', 'fixed')],
		});
		assert.equal(describeLookup(lookupVersion(transition, '1.20.0'), transition, zh).headline, '变化之前');
		assert.equal(describeLookup(lookupVersion(transition, '1.22.0'), transition, zh).headline, '变化之后');
		assert.deepEqual(lookupUpgrade(transition, '1.20.0', '1.22.0', zh), {
			verdict: 'crosses',
			headline: '这次升级会跨过 1.21.0',
			lines: ['1.20.0 早于 1.21.0，而 1.22.0 在其之后：开始升级前，请按本次升级的步骤操作。'],
		});
		assert.equal(lookupUpgrade(transition, '1.21.0', '1.22.0', zh).lines[0], '1.21.0 和 1.22.0 都在 1.21.0 之后。');
	});

	it('has a Chinese sentence for every English one, with the same placeholders', () => {
		const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
		for (const [key, english] of Object.entries(lookupWords('en'))) {
			const chinese = zh[key as keyof typeof zh];
			assert.ok(chinese && chinese !== english || key === 'casebook.lookup.and', key);
			assert.deepEqual(placeholders(chinese), placeholders(english), key);
		}
	});
});
