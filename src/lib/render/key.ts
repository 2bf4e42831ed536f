import { createHash } from 'node:crypto';
import type { RenderRequest } from './types.ts';

/**
 * Identity of a render: everything that can change helm's output and nothing that cannot (file
 * names of values files do not, so two checks applying the same content share one render).
 */
export function renderKey(request: RenderRequest): string {
	const identity = {
		helm: request.helm.sha256,
		chart: request.chart.digest,
		release: request.release,
		namespace: request.namespace,
		kubeVersion: request.kubeVersion ?? null,
		values: request.valuesFiles.map((file) => file.content),
		set: Object.entries(request.set).map(([key, value]) => [key, typeof value, String(value)]),
		showOnly: request.showOnly,
	};
	return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}
