/** Agreement between a clustering and true labels: normalised mutual information (arithmetic mean) and adjusted Rand index. */
export function agreement(labels: string[], clusters: number[]): { nmi: number; ari: number } {
	const n = labels.length;
	const table = new Map<string, Map<number, number>>();
	const byCluster = new Map<number, number>();
	const byLabel = new Map<string, number>();
	labels.forEach((l, i) => {
		const c = clusters[i]!;
		const row = table.get(l) ?? new Map<number, number>();
		row.set(c, (row.get(c) ?? 0) + 1);
		table.set(l, row);
		byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
		byLabel.set(l, (byLabel.get(l) ?? 0) + 1);
	});
	const entropy = (counts: Iterable<number>) => [...counts].reduce((h, x) => h - (x / n) * Math.log(x / n), 0);
	let mutual = 0;
	let pairs = 0;
	for (const [l, row] of table) {
		for (const [c, x] of row) {
			mutual += (x / n) * Math.log((x * n) / (byLabel.get(l)! * byCluster.get(c)!));
			pairs += choose2(x);
		}
	}
	const hl = entropy(byLabel.values());
	const hc = entropy(byCluster.values());
	const nmi = hl + hc === 0 ? 1 : (2 * mutual) / (hl + hc);
	const a = [...byLabel.values()].reduce((s, x) => s + choose2(x), 0);
	const b = [...byCluster.values()].reduce((s, x) => s + choose2(x), 0);
	const expected = (a * b) / choose2(n);
	const max = (a + b) / 2;
	const ari = max === expected ? 1 : (pairs - expected) / (max - expected);
	return { nmi, ari };
}

function choose2(x: number): number {
	return (x * (x - 1)) / 2;
}
