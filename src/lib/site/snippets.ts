/** The extensions the verifier gives snippet files (see snippetFileName in src/lib/article). */
export const SNIPPET_EXTENSIONS = ['yaml', 'sh', 'txt'] as const;
export type SnippetExtension = (typeof SNIPPET_EXTENSIONS)[number];

/** The content type a snippet download is served with; static hosts derive the same from the extension. */
export function snippetContentType(fileName: string): string {
	return /\.ya?ml$/i.test(fileName) ? 'text/yaml; charset=utf-8' : 'text/plain; charset=utf-8';
}

/** `fix.yaml` -> `{ id: 'fix', extension: 'yaml' }`; undefined when the site has no route for it. */
export function splitSnippetFileName(fileName: string): { id: string; extension: SnippetExtension } | undefined {
	const match = /^(.+)\.([a-z0-9]+)$/.exec(fileName);
	const extension = SNIPPET_EXTENSIONS.find((ext) => ext === match?.[2]);
	return match && extension ? { id: match[1]!, extension } : undefined;
}
