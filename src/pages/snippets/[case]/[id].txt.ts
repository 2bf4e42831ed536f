import { snippetRoute } from '~/lib/site/snippet-route.ts';

// Snippet downloads ending in .txt; see src/lib/site/snippet-route.ts.
export const { getStaticPaths, GET } = snippetRoute('txt');
