import { caseChecksFragment } from '~/lib/site/case-checks.ts';
import { fragmentRoute } from '~/lib/site/fragment-route.ts';

// `/verification/<case>.html` (and `<case>.zh-cn.html`): the list of a case's checks, fetched by the
// case page when the list is opened (src/components/CaseChecks.astro).
export const { getStaticPaths, GET } = fragmentRoute('verification', caseChecksFragment);
