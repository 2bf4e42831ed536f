import { memoAsync } from '../fs/memo.ts';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CasebookError } from '../errors.ts';
import { readYamlFile } from './yaml-file.ts';

/** One chart repository of the mirror: its folder name and the official URL it mirrors. */
export interface ChartRepository {
	name: string;
	url: string;
}

const repositoriesFileSchema = z.object({
	repositories: z
		.array(
			z.object({
				name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a folder name such as "grafana"'),
				url: z.url({ protocol: /^https?$/ }),
				/** Free-text notes on what the mirror holds. */
				charts: z.record(z.string(), z.string()).optional(),
			}),
		)
		.min(1),
});

export function repositoriesFilePath(mirrorRoot: string): string {
	return join(mirrorRoot, 'repositories.yaml');
}

const readRepositories = memoAsync((path: string) =>
	readYamlFile(path, repositoriesFileSchema).then((file) =>
		file.repositories.map(({ name, url }) => ({ name, url: url.replace(/\/+$/, '') })),
	),
);

/** The repositories listed in `<mirrorRoot>/repositories.yaml`, read once per process. */
export function loadRepositories(mirrorRoot: string): Promise<ChartRepository[]> {
	return readRepositories(repositoriesFilePath(mirrorRoot));
}

/**
 * The repository called `name`. It must be listed in repositories.yaml (that is where its URL comes
 * from) and have a folder in the mirror.
 */
export async function findRepository(mirrorRoot: string, name: string): Promise<ChartRepository> {
	const repositories = await loadRepositories(mirrorRoot);
	const known = repositories.map((repository) => repository.name).join(', ');
	const repository = repositories.find((candidate) => candidate.name === name);
	if (!repository) {
		throw new CasebookError(`unknown chart repository "${name}" (see ${repositoriesFilePath(mirrorRoot)})`, {
			expected: `one of ${known}`,
			found: name,
		});
	}
	try {
		await access(join(mirrorRoot, name));
	} catch {
		throw new CasebookError(`chart repository "${name}" has no folder in the mirror ${mirrorRoot}`, {
			expected: `a folder ${join(mirrorRoot, name)} (mirrored repositories: ${known})`,
		});
	}
	return repository;
}
