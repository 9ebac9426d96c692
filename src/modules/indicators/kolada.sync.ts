// Brings every Kolada indicator's values up to date: fetched per group of key figures that share their municipalities,
// stored per indicator in its own transaction, so that a sync failing half-way keeps what was stored before.
import { lockKeys, unlessRunning } from "../../db/advisory-lock.js";
import type { Database, Db } from "../../db/client.js";
import * as repo from "./indicators.repo.js";
import type { PeerGroup } from "./indicators.schema.js";
import { chunks, KoladaClient, type KoladaValue, maxPerSegment } from "./kolada.client.js";

/** Kolada's id for the whole country, followed beside the programme's municipality. */
export const national = "0000";

/** How many years back a sync reads, besides any older baseline year. */
export const yearsBack = 10;

/** What a sync did: indicators brought up to date, values stored and revised, and what failed with why. */
export type SyncReport = { indicators: number; values: number; revised: number; failed: { title: string; kpi: string; error: string }[] };

/** Told after each indicator: how many are done of how many, and the one just done (with its error if it failed). */
export type SyncProgress = (done: number, total: number, indicator: { title: string; kpi: string; error?: string }) => void;

/** The peers of an indicator: those typed and the members of its Kolada group, without the programme's own and the country. */
export function peersOf(typed: string[], group: PeerGroup | null, own: string): string[] {
	return [...new Set([...typed, ...(group?.memberIds ?? [])])].filter((m) => m !== own && m !== national);
}

/** The peers the coordinator typed: those followed that are not there as members of the chosen group. */
export const typedPeers = (i: { peerMunicipalities: string[]; peerGroup: PeerGroup | null }) => i.peerMunicipalities.filter((m) => !i.peerGroup?.memberIds.includes(m));

// Kolada's municipality groups change (a municipality joins or leaves): each sync takes the members of every group
// chosen, by its Kolada id, as Kolada has them now. A group Kolada no longer has, or cannot give now, keeps its members.
async function refreshPeerGroups(db: Db, client: KoladaClient, indicators: repo.KoladaIndicator[]): Promise<void> {
	const ids = [...new Set(indicators.flatMap((i) => (i.peerGroup ? [i.peerGroup.id] : [])))];
	if (ids.length === 0) return;
	let groups: Map<string, PeerGroup>;
	try {
		groups = new Map((await client.municipalityGroupsById(ids)).map((g) => [g.id, { id: g.id, title: g.title, memberIds: g.memberIds }]));
	} catch {
		return; // the values' requests then fail too, and are reported per indicator
	}
	for (const indicator of indicators) {
		const group = indicator.peerGroup && groups.get(indicator.peerGroup.id);
		if (!group) continue;
		const peers = peersOf(typedPeers(indicator), group, indicator.municipalityCode);
		if (peers.join() === indicator.peerMunicipalities.join() && group.memberIds.join() === indicator.peerGroup!.memberIds.join() && group.title === indicator.peerGroup!.title) continue;
		await repo.updateIndicator(db, indicator.id, { peerGroup: group, peerMunicipalities: peers });
		Object.assign(indicator, { peerGroup: group, peerMunicipalities: peers });
	}
}

/** The municipalities an indicator follows: the programme's own, the whole country and the peers chosen. */
export function followedMunicipalities(i: Pick<repo.KoladaIndicator, "municipalityCode" | "peerMunicipalities">): string[] {
	return [...new Set([i.municipalityCode, national, ...i.peerMunicipalities])];
}

function yearsFor(indicators: repo.KoladaIndicator[], thisYear: number): number[] {
	const first = Math.min(thisYear - yearsBack, ...indicators.map((i) => i.baselineYear ?? thisYear));
	return Array.from({ length: thisYear - first + 1 }, (_, n) => first + n);
}

// Map.groupBy, which this TypeScript target does not know yet.
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = keyOf(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

const key = (m: string, y: number, g: string) => `${m}/${y}/${g}`;

/** What Kolada says about an indicator's key figure and municipalities, kept fresh by each sync. */
type Metadata = { byGender: boolean; municipalityNames: Record<string, string> };

// Stores one indicator's values and metadata in one transaction; returns how many values were stored and how many Kolada revised.
async function storeIndicator(db: Db, indicator: repo.KoladaIndicator, values: KoladaValue[], metadata: Metadata | undefined, fetchedAt: Date): Promise<{ values: number; revised: number }> {
	return db.transaction(async (tx) => {
		if (metadata) await repo.updateIndicator(tx, indicator.id, metadata);
		const stored = new Map((await repo.listStoredValues(tx, indicator.id)).map((v) => [key(v.municipality, v.year, v.gender), v.value]));
		let revised = 0;
		for (const v of values) {
			const before = stored.get(key(v.municipality, v.year, v.gender));
			if (before !== undefined && (before === null ? null : Number(before)) !== v.value) revised++;
		}
		const rows = values.map((v) => ({ municipality: v.municipality, year: v.year, gender: v.gender, value: v.value === null ? null : String(v.value), status: v.status }));
		await repo.upsertValues(tx, indicator.id, rows, fetchedAt);
		return { values: rows.length, revised };
	});
}

// The values and metadata of a batch of at most 25 key figures, or why they could not be fetched.
async function fetchBatch(
	client: KoladaClient,
	batch: repo.KoladaIndicator[],
	followed: string[],
	names: Promise<Record<string, string>>,
	years: number[],
): Promise<{ byKpi: Map<string, KoladaValue[]>; metadata: Map<string, Metadata> } | Error> {
	const kpis = [...new Set(batch.map((i) => i.koladaKpi))];
	try {
		const municipalityNames = await names;
		const metadata = new Map((await client.kpis(kpis)).map((k) => [k.id, { byGender: k.isDividedByGender, municipalityNames }]));
		return { byKpi: groupBy(await client.data(kpis, followed, years), (v) => v.kpi), metadata };
	} catch (err) {
		return err instanceof Error ? err : new Error(String(err));
	}
}

/** Updates every Kolada indicator's values from Kolada; a failure is reported per indicator and the rest go on. */
export async function syncKoladaIndicators(db: Db, client: KoladaClient, options: { years?: number[]; onProgress?: SyncProgress } = {}): Promise<SyncReport> {
	const all = await repo.listKoladaIndicators(db);
	await refreshPeerGroups(db, client, all);
	const report: SyncReport = { indicators: 0, values: 0, revised: 0, failed: [] };
	const groups = groupBy(all, (i) => followedMunicipalities(i).join(","));
	const thisYear = new Date().getUTCFullYear();
	let done = 0;
	for (const [municipalities, members] of groups) {
		const followed = municipalities.split(",");
		// Asked once per group; a failure is reported with each indicator of the group.
		const names = client.municipalities(followed).then((list) => Object.fromEntries(list.map((m) => [m.id, m.title])));
		names.catch(() => undefined);
		for (const batch of chunks(members, maxPerSegment)) {
			const fetched = await fetchBatch(client, batch, followed, names, options.years ?? yearsFor(batch, thisYear));
			const fetchedAt = new Date();
			for (const indicator of batch) {
				let error: string | undefined;
				if (fetched instanceof Error) error = fetched.message;
				else {
					try {
						const stored = await storeIndicator(db, indicator, fetched.byKpi.get(indicator.koladaKpi) ?? [], fetched.metadata.get(indicator.koladaKpi), fetchedAt);
						report.indicators++;
						report.values += stored.values;
						report.revised += stored.revised;
					} catch (err) {
						error = err instanceof Error ? err.message : String(err);
					}
				}
				if (error) report.failed.push({ title: indicator.title, kpi: indicator.koladaKpi, error });
				options.onProgress?.(++done, all.length, { title: indicator.title, kpi: indicator.koladaKpi, error });
			}
		}
	}
	return report;
}

/** Runs the sync only if no other process is running one; null when another is. */
export const syncUnlessRunning = <T>(database: Pick<Database, "db" | "kind">, run: () => Promise<T>) => unlessRunning(database, lockKeys.koladaSync, run);

/** Syncs every Kolada indicator from the Kolada at baseUrl, unless another process is syncing (then null). */
export async function syncFromKolada(database: Pick<Database, "db" | "kind">, baseUrl: string, onProgress?: SyncProgress): Promise<SyncReport | null> {
	return syncUnlessRunning(database, () => syncKoladaIndicators(database.db, new KoladaClient({ baseUrl }), { onProgress }));
}
