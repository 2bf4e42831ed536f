import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHelmSandbox, SIDE_BY_SIDE_GO_RUNTIME } from '../../src/lib/helm/sandbox.ts';

describe('createHelmSandbox', () => {
	it('points every helm home into a fresh directory and removes it on dispose', async () => {
		const sandbox = await createHelmSandbox();
		try {
			for (const name of ['HOME', 'HELM_CACHE_HOME', 'HELM_CONFIG_HOME', 'HELM_DATA_HOME', 'KUBECONFIG']) {
				assert.ok(sandbox.env[name]!.startsWith(sandbox.dir), `${name} lies in the sandbox`);
			}
			assert.ok(existsSync(sandbox.env.HOME!));
			assert.equal(existsSync(sandbox.env.KUBECONFIG!), false, 'no kubeconfig to reach a cluster with');
		} finally {
			await sandbox.dispose();
		}
		assert.equal(existsSync(sandbox.dir), false);
	});

	it('leaves the Go runtime at its defaults unless asked, and passes no proxy unless for the network', async () => {
		const previous = process.env.HTTPS_PROXY;
		process.env.HTTPS_PROXY = 'http://proxy.invalid:3128';
		try {
			const plain = await createHelmSandbox();
			const tuned = await createHelmSandbox({ goRuntime: SIDE_BY_SIDE_GO_RUNTIME });
			const network = await createHelmSandbox({ network: true });
			try {
				assert.equal(plain.env.GOGC, undefined);
				assert.equal(plain.env.GOMAXPROCS, undefined);
				assert.equal(plain.env.HTTPS_PROXY, undefined);
				assert.equal(tuned.env.GOGC, '400');
				assert.equal(tuned.env.GOMAXPROCS, '1');
				assert.equal(network.env.HTTPS_PROXY, 'http://proxy.invalid:3128');
			} finally {
				await Promise.all([plain.dispose(), tuned.dispose(), network.dispose()]);
			}
		} finally {
			if (previous === undefined) delete process.env.HTTPS_PROXY;
			else process.env.HTTPS_PROXY = previous;
		}
	});
});
