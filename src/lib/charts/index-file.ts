import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { memoAsync } from '../fs/memo.ts';
import { readYamlFile } from './yaml-file.ts';

/** What the verifier needs of one chart version in a repository's index.yaml. */
export interface ChartIndexEntry {
	version: string;
	/** sha256 of the archive, hex. */
	digest: string;
	urls: string[];
	created?: string;
}

/** Chart name -> its versions, in the order the index lists them. */
export type ChartIndex = Map<string, ChartIndexEntry[]>;

const entrySchema = z.object({
	version: z.string().min(1),
	digest: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 digest (64 hex digits)'),
	urls: z.array(z.string()).min(1),
	created: z.string().optional(),
});

const indexFileSchema = z.object({
	apiVersion: z.literal('v1'),
	entries: z.record(z.string(), z.array(entrySchema)).default({}),
});


/**
 * Parses a repository index once per process (an official index runs to megabytes and takes
 * seconds to parse). The memo follows the file's size and mtime, so a re-downloaded index is read anew.
 */
export async function readIndexFile(path: string): Promise<ChartIndex> {
	const info = await stat(path);
	return parseOnce({ path, key: `${path}\0${info.size}\0${info.mtimeMs}` });
}

const parseOnce = memoAsync(
	({ path }: { path: string; key: string }): Promise<ChartIndex> =>
		readYamlFile(path, indexFileSchema, { schema: 'failsafe' }).then(
			(file) =>
				new Map(
					Object.entries(file.entries).map(([name, entries]) => [
						name,
						entries.map(({ version, digest, urls, created }) => ({
							version,
							digest,
							urls,
							...(created !== undefined ? { created } : {}),
						})),
					]),
				),
		),
	({ key }) => key,
);

/** The index entry of `chart` at `version`, if listed. */
export function findIndexEntry(index: ChartIndex, chart: string, version: string): ChartIndexEntry | undefined {
	return index.get(chart)?.find((entry) => entry.version === version);
}
