/**
 * The case id of a page from its frontmatter: a case article's own, or the English case a
 * translation translates (a translation's `case:` holds only translated words).
 */
export function caseIdOf(data: { case?: unknown; translation?: { of: string } } | undefined): string | undefined {
	if (!data?.case) return undefined;
	if (data.translation) return data.translation.of;
	const id = (data.case as { id?: unknown }).id;
	return typeof id === 'string' ? id : undefined;
}
