import type { CaseMatch, CheckResult, RuleMatch } from './result.ts';

/**
 * The result as SARIF 2.1.0, so a code-scanning UI shows each case that applies as an alert on
 * the values file: at the line of the key a values rule found, else at the top of the first `-f`
 * file. One SARIF rule per detection rule (`<case>/<rule>`), with the case page as its help.
 */
export function toSarif(result: CheckResult, toolVersion: string): object {
	const matches: Array<{ c: CaseMatch; rule: RuleMatch; crossed: boolean }> = [
		...result.applies.flatMap((c) => c.rules.map((rule) => ({ c, rule, crossed: false }))),
		...(result.upgrade?.transitions ?? []).flatMap((c) => c.rules.map((rule) => ({ c, rule, crossed: true }))),
	];
	const rules = new Map<string, object>();
	for (const { c, rule } of matches) {
		rules.set(`${c.id}/${rule.id}`, {
			id: `${c.id}/${rule.id}`,
			name: c.id,
			shortDescription: { text: c.title },
			fullDescription: { text: rule.title },
			...(/^https?:/.test(c.permalink) ? { helpUri: c.permalink } : {}),
			help: { text: c.action ? `${c.action} (${c.permalink})` : c.permalink },
		});
	}
	const chart = `${result.chart.repository}/${result.chart.name} ${result.chart.version}`;
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: { driver: { name: 'helm-casebook check', version: toolVersion, rules: [...rules.values()] } },
				results: matches.map(({ c, rule, crossed }) => {
					const at = rule.evidence.find((e) => e.file !== undefined);
					const file = at?.file ?? result.values[0];
					const what = crossed ? `Upgrading from ${result.upgradeFrom?.version} crosses` : `${chart} with these values hits`;
					return {
						ruleId: `${c.id}/${rule.id}`,
						level: 'warning',
						message: { text: `${what} "${c.title}": ${rule.title}. ${c.action ?? ''} See ${c.permalink}`.replace(/\s+/g, ' ').trim() },
						...(file !== undefined
							? { locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: at?.line ?? 1 } } }] }
							: {}),
					};
				}),
			},
		],
	};
}
