import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Synthetic cases for the scale benchmark (`npm run bench:scale`): N articles shaped like the real
 * ones (answer block, symptoms, errors, headings, prose, two to four snippets, a matrix and
 * checks), each with its own words so the search index grows as a real one would.
 *
 * Every case states the same real fact about grafana/tempo-distributed (1.13.0 and 1.13.1 render no
 * ingester StatefulSet, 1.13.2 does again), so verification passes. Like a real case, each has a
 * check over every 1.x release (426 renders with two helms), so its report entry and its number of
 * evaluations are a real case's order of size. The renders themselves are shared: the default
 * renders are the ones the real ingester case renders (same chart digests, release, namespace,
 * values), and the values snippets come from a pool of REPLICA_CHOICES files. A thousand cases
 * need no more renders than one, so what the benchmark times is everything around helm.
 */

export const REPLICA_CHOICES = [1, 2, 4, 5] as const;

const COMPONENTS = ['ingester', 'distributor', 'querier', 'compactor', 'query-frontend', 'metrics-generator', 'memcached', 'gateway'];

/** A small deterministic generator (mulberry32), so case N is the same text on every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'sun', 'dra', 'vel', 'pon', 'rix', 'tal', 'gen', 'bor', 'shi', 'nu', 'quo', 'zem', 'fa', 'wid', 'hol', 'cre'];
const COMMON = [
	'the', 'chart', 'release', 'values', 'pods', 'ingester', 'statefulset', 'upgrade', 'render', 'replicas', 'namespace',
	'service', 'config', 'rollout', 'ring', 'memberlist', 'version', 'helm', 'template', 'cluster', 'traces', 'write', 'path',
	'after', 'before', 'with', 'without', 'when', 'every', 'which', 'their', 'file', 'default', 'restart', 'label',
];

/** A few thousand made-up words: each case uses some of them, so the index holds many distinct terms. */
function word(next: () => number): string {
	if (next() < 0.55) return COMMON[Math.floor(next() * COMMON.length)]!;
	const length = 2 + Math.floor(next() * 2);
	return Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!).join('');
}

function sentence(next: () => number): string {
	const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => word(next));
	const text = words.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences = 4): string {
	return Array.from({ length: sentences }, () => sentence(next)).join(' ').replace(/(.{1,100})(\s|$)/g, '$1\n').trimEnd();
}

export interface SyntheticCase {
	id: string;
	/** Path of the article under the content folder. */
	article: string;
	articleText: string;
	checks: string;
	checksText: string;
}

/** Case number `n` (1-based), as the article and checks file a writer would commit. */
export function syntheticCase(n: number): SyntheticCase {
	const next = random(n * 7919);
	const id = `synthetic-${String(n).padStart(4, '0')}`;
	const component = COMPONENTS[n % COMPONENTS.length]!;
	const replicas = REPLICA_CHOICES[n % REPLICA_CHOICES.length]!;
	const marker = `${word(next)}${n}`;
	const symptoms = Array.from({ length: 3 + (n % 4) }, () => Array.from({ length: 5 }, () => word(next)).join(' '));
	const illustrative = 1 + (n % 3);
	const article = `---
title: 'tempo-distributed 1.13.0–1.13.1: ${component} case ${n} (${marker})'
description: 'Synthetic case ${n} for the scale benchmark: grafana/tempo-distributed 1.13.0 and 1.13.1 render no ingester StatefulSet; ${word(next)} ${word(next)} ${word(next)}.'
case:
  id: ${id}
  product: tempo
  component: ${component}
  chart: { repository: grafana, name: tempo-distributed }
  kinds: [regression]
  affected: '>=1.13.0 <1.13.2'
  fixedIn: 1.13.2
  status: Fixed in 1.13.2
  answer:
    who:
      text: 'Releases on grafana/tempo-distributed 1.13.0 or 1.13.1 (${marker}).'
      known: { check: broken-default }
    action:
      text: 'Upgrade to 1.13.2, and set the ingester replicas with ingester-replicas.yaml.'
      known: { check: replicas }
    confirm:
      check: broken-default
      text: 'The render of 1.13.0 or 1.13.1 has no ingester StatefulSet.'
  symptoms:
${symptoms.map((s) => `    - ${s}`).join('\n')}
  errors:
    - 'synthetic error ${marker}: ingester ring empty'
  resources:
    - StatefulSet/t-tempo-ingester
---
import AmIAffected from '~/components/AmIAffected.astro';
import Evidence from '~/components/Evidence.astro';

## Symptoms

${paragraph(next)} No ingester StatefulSet on 1.13.0 and 1.13.1 <Evidence check="broken-default" />.

\`\`\`bash illustrative
kubectl -n tracing get statefulsets # ${marker}
\`\`\`

${paragraph(next, 3)}

## Fix

${paragraph(next, 3)} Set the replicas <Evidence check="replicas" />:

\`\`\`yaml title="ingester-replicas.yaml" id="ingester-replicas"
ingester:
  replicas: ${replicas}
\`\`\`
${illustrative > 1 ? `\n\`\`\`text illustrative\nsynthetic error ${marker}: ingester ring empty\n\`\`\`\n` : ''}
## Am I affected?

<AmIAffected />

## Cause

${paragraph(next, 5)} Every release renders its config <Evidence check="config-every-version" />.
${illustrative > 2 ? `\n\`\`\`bash illustrative\nhelm template t grafana/tempo-distributed --version 1.13.0 | grep -c StatefulSet\n\`\`\`\n` : ''}
### Details

${paragraph(next, 4)}
`;
	const checks = `# Synthetic case ${n} (scale benchmark).
namespace: tracing
matrix:
  - versions: '>=1.12.0 <1.14.0'
    expect:
      - documentExists: StatefulSet/t-tempo-ingester
checks:
  - id: broken-default
    title: 1.13.0 and 1.13.1 render no ingester StatefulSet
    versions: [1.13.0, 1.13.1]
    expect:
      - hasDocuments: { kind: StatefulSet, nameRegex: '^t-tempo-ingester', count: 0 }
  - id: replicas
    title: ingester.replicas sets the StatefulSet's replicas on 1.12.0 and 1.13.2
    versions: [1.12.0, 1.13.2]
    values: [ingester-replicas]
    expect:
      - equal: { document: StatefulSet/t-tempo-ingester, path: spec.replicas, value: ${replicas} }
  - id: config-every-version
    title: Every 1.x release renders the Tempo config
    versions: '>=1.0.0'
    expect:
      - documentExists: ConfigMap/t-tempo-config
`;
	return { id, article: `tempo/${id}.mdx`, articleText: article, checks: `tempo/${id}.checks.yaml`, checksText: checks };
}

/**
 * Writes a content folder of `count` synthetic cases plus the site's pages that are not cases
 * (home, about), copied from `pagesFrom` (the real content folder).
 */
export function writeSyntheticContent(dir: string, count: number, pagesFrom: string): void {
	mkdirSync(dir, { recursive: true });
	for (const page of ['index.mdx', 'about/verification.mdx']) {
		mkdirSync(dirname(join(dir, page)), { recursive: true });
		cpSync(join(pagesFrom, page), join(dir, page));
	}
	for (let n = 1; n <= count; n++) {
		const c = syntheticCase(n);
		mkdirSync(dirname(join(dir, c.article)), { recursive: true });
		writeFileSync(join(dir, c.article), c.articleText);
		writeFileSync(join(dir, c.checks), c.checksText);
	}
}
