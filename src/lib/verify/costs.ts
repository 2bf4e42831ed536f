import type { RenderJob, RenderUse } from './plan.ts';

/**
 * The price of a claim: how many renders each check and matrix segment needs (chart versions ×
 * Helm majors), and how many of them no other check or case shares. Printed by verify so an
 * author sees what a full-range check costs before adding another.
 */
export interface OwnerCost {
	owner: string;
	renders: number;
	/** Renders only this owner asks for: what removing it would save. */
	own: number;
}

export interface CaseCost {
	caseId: string;
	/** Distinct renders this case needs (shared ones counted once). */
	renders: number;
	owners: OwnerCost[];
}

export function renderCosts(jobs: readonly RenderJob[], uses: readonly RenderUse[]): CaseCost[] {
	const ownersOfJob = new Map<string, Set<string>>();
	const label = (use: RenderUse) => `${use.article.case.id}\0${use.owner.kind === 'check' ? `check ${use.owner.check.id}` : `matrix[${use.owner.index}]`}`;
	for (const job of jobs) ownersOfJob.set(job.key, new Set(job.uses.map(label)));
	const byCase = new Map<string, { keys: Set<string>; owners: Map<string, { keys: Set<string>; own: number }> }>();
	for (const use of uses) {
		const caseId = use.article.case.id;
		const entry = byCase.get(caseId) ?? { keys: new Set<string>(), owners: new Map() };
		byCase.set(caseId, entry);
		entry.keys.add(use.key);
		const name = label(use);
		const owner = entry.owners.get(name) ?? { keys: new Set<string>(), own: 0 };
		entry.owners.set(name, owner);
		if (!owner.keys.has(use.key)) {
			owner.keys.add(use.key);
			if (ownersOfJob.get(use.key)?.size === 1) owner.own++;
		}
	}
	return [...byCase].map(([caseId, entry]) => ({
		caseId,
		renders: entry.keys.size,
		owners: [...entry.owners]
			.map(([name, owner]) => ({ owner: name.split('\0')[1]!, renders: owner.keys.size, own: owner.own }))
			.sort((a, b) => b.renders - a.renders || a.owner.localeCompare(b.owner)),
	}));
}

/** Lines for the summary: per case its renders and its three most expensive claims. */
export function formatCosts(costs: readonly CaseCost[], top = 3): string[] {
	return costs.map((cost) => {
		const owners = cost.owners
			.slice(0, top)
			.map((owner) => `${owner.owner} ${owner.renders} (${owner.own === owner.renders ? 'all' : owner.own} its own)`)
			.join(', ');
		return `  ${cost.caseId}: ${cost.renders} renders; most: ${owners}`;
	});
}
