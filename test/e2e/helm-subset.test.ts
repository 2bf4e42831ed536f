import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildProjectCopy, type ProjectCopy } from './support/project-copy.ts';
import { replaceOnce, validCase } from '../helpers/project.ts';

// A site built with only Helm 3 configured, from a case whose check needs Helm 4: the check is
// skipped, and the page says "not run" where the article cites it, never ✓ and never "all passed".

let copy: ProjectCopy | undefined;
after(async () => {
	await copy?.dispose();
});

describe('a build with a check no configured helm can run', { timeout: 10 * 60_000 }, () => {
	it('marks the sentence that cites the check as not run and counts it apart', async () => {
		const files = await validCase(
			{
				mdx: (text) => `${text}\nimport Evidence from '~/components/Evidence.astro';\n\nThe fix removes rollout-operator <Evidence check="fix" />.\n`,
				checks: replaceOnce('    values: [fix]\n', "    values: [fix]\n    helm: ['4']\n"),
			},
			'tempo/helm-subset.mdx',
		);
		copy = await buildProjectCopy(files, { CASEBOOK_HELM: '3' });
		const html = await readFile(join(copy.dist, 'tempo/helm-subset/index.html'), 'utf8');
		assert.match(html, /class="cb-evidence cb-evidence--not-run"/);
		assert.doesNotMatch(html, /class="cb-evidence cb-evidence--check"/);
		assert.match(html, /How this page is verified: 0 checks passed, 1 not run in this build/);
	});
});
