import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCases } from './catalog.ts';
import { SNIPPET_EXTENSIONS, snippetContentType, splitSnippetFileName, type SnippetExtension } from './snippets.ts';

/**
 * `/snippets/<case>/<id>.<ext>`: the exact text of each snippet, as verified, for the download
 * links. One route file per extension (src/pages/snippets/[case]/[id].<ext>.ts) because Astro only
 * treats an endpoint as a file, exempt from `trailingSlash: 'always'`, when its route ends in a
 * literal extension; with `[file]` the dev server would insist on `no-rollout-operator.yaml/`.
 */
export function snippetRoute(extension: SnippetExtension): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
	return {
		getStaticPaths: async () =>
			(await loadCases()).flatMap(({ summary, snippets }) =>
				snippets.flatMap((snippet) => {
					const parts = splitSnippetFileName(snippet.fileName);
					if (!parts) {
						throw new Error(
							`Snippet "${snippet.id}" of case "${summary.id}" has the file name "${snippet.fileName}"; the site has download routes for .${SNIPPET_EXTENSIONS.join(', .')} only (src/pages/snippets/[case]/).`,
						);
					}
					if (parts.extension !== extension) return [];
					return [{ params: { case: summary.id, id: parts.id }, props: { text: snippet.text, fileName: snippet.fileName } }];
				}),
			),
		GET: ({ props }) => {
			const { text, fileName } = props as { text: string; fileName: string };
			return new Response(text, { headers: { 'content-type': snippetContentType(fileName) } });
		},
	};
}
