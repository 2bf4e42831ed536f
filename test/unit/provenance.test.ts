import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProvenance } from '../../src/lib/charts/provenance.ts';

describe('parseProvenance', () => {
	it('reads the four common columns wherever a file puts them', () => {
		const text = 'chart\tversion\tsource_repo\textra\ttag\tcommit_sha\nloki\t6.0.0\tgithub.com/grafana/loki\tx\thelm-loki-6.0.0\tabc123\n';
		assert.deepEqual(parseProvenance(text, 'a.tsv'), [
			{ chart: 'loki', version: '6.0.0', sourceRepo: 'github.com/grafana/loki', tag: 'helm-loki-6.0.0', commit: 'abc123' },
		]);
	});

	it('names the file and the missing column', () => {
		assert.throws(() => parseProvenance('chart\tversion\n', 'b.tsv'), /b\.tsv: no "source_repo" column/);
	});
});
