/** The products the casebook covers, in the order the sidebar and listings show them. */
export const PRODUCTS = [
	{ id: 'tempo', label: 'Tempo' },
	{ id: 'loki', label: 'Loki' },
	{ id: 'prometheus', label: 'Prometheus' },
] as const;

export function productLabel(id: string): string {
	return PRODUCTS.find((p) => p.id === id)?.label ?? id;
}
