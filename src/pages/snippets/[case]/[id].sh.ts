import { snippetRoute } from '~/lib/site/snippet-route.ts';

// Snippet downloads ending in .sh; see src/lib/site/snippet-route.ts.
export const { getStaticPaths, GET } = snippetRoute('sh');
