import { fragmentRoute } from '~/lib/site/fragment-route.ts';
import { versionListFragment } from '~/lib/site/version-fragment.ts';

// `/versions/<case>.html` (and `<case>.zh-cn.html`): every rendered version of a case, fetched by its
// "Am I affected?" section when a list is opened.
export const { getStaticPaths, GET } = fragmentRoute('versions', versionListFragment);
