import { snippetRoute } from '~/lib/site/snippet-route.ts';

// Snippet downloads ending in .yaml; see src/lib/site/snippet-route.ts.
export const { getStaticPaths, GET } = snippetRoute('yaml');
