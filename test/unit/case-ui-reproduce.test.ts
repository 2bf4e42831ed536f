import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandTemplate, reproduceScript } from '../../src/lib/site/reproduce.ts';

const setup = ['helm repo add grafana https://grafana.github.io/helm-charts', 'helm repo update grafana'];
const command = (version: string) =>
	`helm template t grafana/tempo-distributed --version ${version} --namespace tracing -f restore-ingester.yaml`;

describe('reproduceScript', () => {
	it('shows every command when there are few', () => {
		const commands = ['1.13.0', '1.13.1'].map((version) => ({ version, command: command(version) }));
		assert.deepEqual(reproduceScript({ setup, commands, files: ['restore-ingester.yaml'] }), {
			script: [...setup, command('1.13.0'), command('1.13.1')].join('\n'),
			folded: false,
		});
	});

	it('folds many commands that differ only in --version into one loop', () => {
		const versions = ['1.10.0', '1.11.0', '1.12.0', '1.13.0', '1.13.1'];
		const commands = versions.map((version) => ({ version, command: command(version) }));
		const result = reproduceScript({ setup, commands, files: [] });
		assert.equal(
			result.script,
			[
				...setup,
				'for v in 1.10.0 1.11.0 1.12.0 1.13.0 1.13.1; do',
				'  helm template t grafana/tempo-distributed --version "$v" --namespace tracing -f restore-ingester.yaml',
				'done',
			].join('\n'),
		);
		assert.equal(result.folded, true);
	});

	it('keeps the lines when they differ in more than the version', () => {
		const commands = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'].map((version, i) => ({
			version,
			command: `${command(version)}${i === 2 ? ' --set a=b' : ''}`,
		}));
		assert.equal(commandTemplate(commands), undefined);
		assert.equal(reproduceScript({ setup, commands, files: [] }).folded, false);
	});

	it('does not match a version that only prefixes another word', () => {
		assert.equal(commandTemplate([{ version: '1.0.0', command: 'helm template t r/c --version 1.0.0-rc.1' }]), undefined);
	});
});
