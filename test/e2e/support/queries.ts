import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** test/e2e/search-queries.yaml: per case, the queries that must rank it first. */
const querySetSchema = z
	.object({
		cases: z
			.array(
				z
					.object({
						id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
						queries: z.array(z.string().trim().min(1)).min(3),
					})
					.strict(),
			)
			.min(1),
	})
	.strict();

export type QuerySet = z.output<typeof querySetSchema>;

export const QUERIES_FILE = new URL('../search-queries.yaml', import.meta.url);

export function loadQueries(file: URL = QUERIES_FILE): QuerySet {
	const parsed = querySetSchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!parsed.success) throw new Error(`${file.pathname} has an unexpected shape: ${parsed.error.message}`);
	const ids = parsed.data.cases.map((c) => c.id);
	const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
	if (duplicate) throw new Error(`${file.pathname} lists case "${duplicate}" twice.`);
	return parsed.data;
}
