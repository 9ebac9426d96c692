// What a decision item can point at (votes, proposals, focus areas, goals): each owner module registers how it names
// its records when the app is assembled (src/contributions.ts), since most of them come after decisions in the pipeline.
import type { Db } from "../../db/client.js";
import * as repo from "./decisions.repo.js";

/** A record a decision item can point at, with what to call it and where it is shown. */
export type LinkTarget = { recordType: string; recordId: string; label: string; number: number | null };

/** One kind of record: the programme's records in the order to list them; with onlyLinked, only those an item points at. */
export type DecisionLinkKind = {
	targets: (db: Db, programmeId: string) => Promise<{ id: string; label: string; number: number | null }[]>;
	onlyLinked?: boolean;
};

// The generic link table has no foreign keys; the records' names come from their owners. By record type, in the order
// of registration (registering again replaces).
const kinds = new Map<string, DecisionLinkKind>();

export function registerDecisionLinks(recordType: string, kind: DecisionLinkKind): void {
	kinds.set(recordType, kind);
}

/** Every record of the programme an item can point at, kind by kind in the order they were registered. */
export async function listLinkTargets(db: Db, programmeId: string): Promise<LinkTarget[]> {
	const lists = await Promise.all(
		[...kinds].map(async ([recordType, kind]) => {
			const [records, linked] = await Promise.all([kind.targets(db, programmeId), kind.onlyLinked ? repo.linkedRecordIds(db, recordType) : null]);
			return records.filter((r) => !linked || linked.has(r.id)).map((r) => ({ recordType, recordId: r.id, label: r.label, number: r.number }));
		}),
	);
	return lists.flat();
}
