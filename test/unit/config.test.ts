import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/lib/config/load.ts';
import type { CasebookError } from '../../src/lib/errors.ts';

const root = await mkdtemp(join(tmpdir(), 'casebook-config-'));
after(() => rm(root, { recursive: true, force: true }));

describe('loadConfig', () => {
	it('defaults to the shared mirror beside the project and the user cache folder', () => {
		const config = loadConfig(root, { XDG_CACHE_HOME: '/var/cache/me' });
		assert.equal(config.charts, join(root, '../shared/charts'));
		assert.equal(config.cacheDir, '/var/cache/me/helm-casebook');
		assert.deepEqual(config.helm, ['3', '4']);
		assert.equal(config.kubeVersion, '1.32.0');
		assert.equal(config.allowNetwork, true);
	});

	it('lets environment variables win over the config file', async () => {
		await writeFile(join(root, 'casebook.config.json'), JSON.stringify({ charts: 'mirror', helm: ['3'] }));
		const config = loadConfig(root, { CASEBOOK_CHARTS: '/srv/charts', HELM_BIN: '/usr/local/bin/helm', CASEBOOK_OFFLINE: '1' });
		assert.equal(config.charts, '/srv/charts');
		assert.deepEqual(config.helm, ['3']);
		assert.equal(config.helmBin, '/usr/local/bin/helm');
		assert.equal(config.allowNetwork, false);
	});

	it('reads the site settings from the environment too', () => {
		const config = loadConfig(root, { CASEBOOK_BASE: 'kb', CASEBOOK_ALLOW_STALE_REPORT: '1', CASEBOOK_REPORT: 'r.json' });
		assert.equal(config.base, '/kb/');
		assert.equal(config.allowStaleReport, true);
		assert.equal(config.report, join(root, 'r.json'));
		assert.equal(loadConfig(root, {}).base, '/');
	});

	it('names the bad setting', async () => {
		await writeFile(join(root, 'casebook.config.json'), JSON.stringify({ helm: ['5'] }));
		assert.throws(
			() => loadConfig(root, {}),
			(error: CasebookError) => error.file === 'casebook.config.json' && /invalid configuration: helm\[0\]/.test(error.message),
		);
		await rm(join(root, 'casebook.config.json'));
		assert.throws(
			() => loadConfig(root, { CASEBOOK_SITE: 'not a url' }),
			(error: CasebookError) => error.file === 'environment variable CASEBOOK_SITE',
		);
		await writeFile(join(root, 'casebook.config.json'), '{ not json');
		assert.throws(() => loadConfig(root, {}), /cannot parse casebook\.config\.json/);
		await rm(join(root, 'casebook.config.json'));
	});
});
