import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where each mirrored archive came from: the chart mirror's `provenance/*.tsv` files give, per
 * chart version, the upstream git repository, tag and commit it was packaged from. The files
 * differ in their other columns; these four are common to all.
 */
export interface ProvenanceRow {
	chart: string;
	version: string;
	/** e.g. `github.com/grafana/helm-charts`. */
	sourceRepo: string;
	tag: string;
	commit: string;
}

const COLUMNS = { chart: 'chart', version: 'version', sourceRepo: 'source_repo', tag: 'tag', commit: 'commit_sha' } as const;

export function parseProvenance(text: string, file: string): ProvenanceRow[] {
	const [header = '', ...lines] = text.split(/\r?\n/).filter((line) => line.trim());
	const names = header.split('\t');
	const index = Object.fromEntries(
		Object.entries(COLUMNS).map(([key, column]) => {
			const at = names.indexOf(column);
			if (at === -1) throw new Error(`${file}: no "${column}" column in the header`);
			return [key, at];
		}),
	) as Record<keyof ProvenanceRow, number>;
	return lines.map((line) => {
		const cells = line.split('\t');
		return {
			chart: cells[index.chart] ?? '',
			version: cells[index.version] ?? '',
			sourceRepo: cells[index.sourceRepo] ?? '',
			tag: cells[index.tag] ?? '',
			commit: cells[index.commit] ?? '',
		};
	});
}

/** Every row of every provenance file under `<charts>/provenance`; none when the mirror has no such folder. */
export function readProvenance(chartsDir: string): ProvenanceRow[] {
	const dir = join(chartsDir, 'provenance');
	let files: string[];
	try {
		files = readdirSync(dir).filter((file) => file.endsWith('.tsv')).sort();
	} catch {
		return [];
	}
	return files.flatMap((file) => parseProvenance(readFileSync(join(dir, file), 'utf8'), file));
}
