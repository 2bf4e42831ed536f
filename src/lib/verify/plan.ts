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

/** Everything of a render but the helm that runs it: what a reproduce command needs. */
export type RenderSettings = Omit<RenderRequest, 'helm'>;

/** A check none of the configured helms may run (it is limited with `helm: [...]`). */
export interface SkippedCheck {
	article: Article & { case: Case };
	owner: Extract<RenderOwner, { kind: 'check' }>;
	/** Why it did not run, for the report and the summary: `needs helm 4, not configured`. */
	reason: string;
	/** The renders it would have run, one per chart version. */
	renders: Array<{ chart: ResolvedChart; settings: RenderSettings }>;
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

/** `check "fix"` or `matrix segment 1`, for messages. */
export function ownerLabel(owner: RenderOwner): string {
	return owner.kind === 'check' ? `check "${owner.check.id}"` : `matrix segment ${owner.index + 1}`;
}

/** The data path of a field of the owner, e.g. `['case', 'checks', 0, 'versions']` (located by article.locate). */
export function ownerPath(owner: RenderOwner, field: string): PropertyKey[] {
	return ['case', owner.kind === 'check' ? 'checks' : 'matrix', owner.index, field];
}

export function ownersOf(c: Case): RenderOwner[] {
	return [
		...c.checks.map((check, index) => ({ kind: 'check' as const, index, check })),
		...c.matrix.map((segment, index) => ({ kind: 'matrix' as const, index, segment })),
	];
}

export function planRenders(input: PlanInput): { uses: RenderUse[]; jobs: RenderJob[]; skipped: SkippedCheck[] } {
	const uses: RenderUse[] = [];
	const skipped: SkippedCheck[] = [];
	for (const article of input.articles) {
		for (const owner of ownersOf(article.case)) {
			const helms = selectHelms(input.helms, owner);
			const renders = input.chartsFor(article, owner).map((chart) => ({ chart, settings: renderSettings(article, owner, chart, input) }));
			if (helms.length === 0 && owner.kind === 'check') {
				skipped.push({ article, owner, reason: `needs helm ${(owner.check.helm ?? []).join(' or ')}, not configured`, renders });
				continue;
			}
			for (const { chart, settings } of renders) {
				for (const helm of helms) {
					const request = { ...settings, helm };
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
	return { uses, jobs: [...jobs.values()], skipped };
}

function selectHelms(helms: HelmBinary[], owner: RenderOwner): HelmBinary[] {
	const wanted = owner.kind === 'check' ? owner.check.helm : undefined;
	// A user's own helm (HELM_BIN) runs every check: limiting to a major is about pinned binaries.
	if (!wanted || helms.some((helm) => helm.major === 'custom')) return helms;
	return helms.filter((helm) => wanted.includes(helm.major as '3' | '4'));
}

function renderSettings(
	article: Article & { case: Case },
	owner: RenderOwner,
	chart: ResolvedChart,
	input: PlanInput,
): RenderSettings {
	const c = article.case;
	const options = owner.kind === 'check' ? owner.check : owner.segment;
	return {
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
