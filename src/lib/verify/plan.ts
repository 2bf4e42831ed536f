import type { Case, ChartRef, Check, MatrixSegment } from '../case/schema.ts';
import type { Article } from '../article/load.ts';
import { snippetFileName } from '../article/snippets.ts';
import { renderKey } from '../render/key.ts';
import type { HelmBinary, RenderRequest, ResolvedChart, ValuesFile } from '../render/types.ts';

/** Who asked for a render: a check or a matrix segment of one case. */
export type RenderOwner =
	| { kind: 'check'; index: number; check: Check }
	| { kind: 'matrix'; index: number; segment: MatrixSegment };

/** One render one owner needs: a chart version under one helm. */
export interface RenderUse {
	article: Article & { case: Case };
	owner: RenderOwner;
	chart: ResolvedChart;
	helm: HelmBinary;
	request: RenderRequest;
	key: string;
}

/** The same render requested by several owners is done once. */
export interface RenderJob {
	key: string;
	request: RenderRequest;
	uses: RenderUse[];
}

export interface PlanInput {
	articles: Array<Article & { case: Case }>;
	helms: HelmBinary[];
	/** Chart versions each owner renders, already resolved against the repositories. */
	chartsFor(article: Article & { case: Case }, owner: RenderOwner): ResolvedChart[];
	kubeVersion: string;
	timeoutMs: number;
}

export function ownerChart(c: Case, owner: RenderOwner): ChartRef {
	return (owner.kind === 'check' ? owner.check.chart : owner.segment.chart) ?? c.chart;
}

export function ownersOf(c: Case): RenderOwner[] {
	return [
		...c.checks.map((check, index) => ({ kind: 'check' as const, index, check })),
		...c.matrix.map((segment, index) => ({ kind: 'matrix' as const, index, segment })),
	];
}

export function planRenders(input: PlanInput): { uses: RenderUse[]; jobs: RenderJob[] } {
	const uses: RenderUse[] = [];
	for (const article of input.articles) {
		for (const owner of ownersOf(article.case)) {
			const helms = selectHelms(input.helms, owner);
			for (const chart of input.chartsFor(article, owner)) {
				for (const helm of helms) {
					const request = buildRequest(article, owner, chart, helm, input);
					uses.push({ article, owner, chart, helm, request, key: renderKey(request) });
				}
			}
		}
	}
	const jobs = new Map<string, RenderJob>();
	for (const use of uses) {
		const job = jobs.get(use.key);
		if (job) job.uses.push(use);
		else jobs.set(use.key, { key: use.key, request: use.request, uses: [use] });
	}
	return { uses, jobs: [...jobs.values()] };
}

function selectHelms(helms: HelmBinary[], owner: RenderOwner): HelmBinary[] {
	const wanted = owner.kind === 'check' ? owner.check.helm : undefined;
	// A user's own helm (HELM_BIN) runs every check: limiting to a major is about pinned binaries.
	if (!wanted || helms.some((helm) => helm.major === 'custom')) return helms;
	return helms.filter((helm) => wanted.includes(helm.major as '3' | '4'));
}

function buildRequest(
	article: Article & { case: Case },
	owner: RenderOwner,
	chart: ResolvedChart,
	helm: HelmBinary,
	input: PlanInput,
): RenderRequest {
	const c = article.case;
	const options = owner.kind === 'check' ? owner.check : owner.segment;
	return {
		helm,
		chart,
		release: options.release ?? c.release,
		namespace: options.namespace ?? c.namespace,
		kubeVersion: options.kubeVersion ?? c.kubeVersion ?? input.kubeVersion,
		valuesFiles: valuesFilesFor(article, options.values),
		set: { ...c.set, ...options.set },
		showOnly: owner.kind === 'check' ? owner.check.showOnly : [],
		timeoutMs: input.timeoutMs,
	};
}

function valuesFilesFor(article: Article, ids: string[]): ValuesFile[] {
	return ids.map((id) => {
		const snippet = article.snippets.find((s) => s.id === id);
		// Usage was validated before planning; a missing snippet here is a programming error.
		if (!snippet?.id) throw new Error(`snippet "${id}" vanished from ${article.file}`);
		return { name: snippetFileName({ ...snippet, id: snippet.id }), content: snippet.text };
	});
}
