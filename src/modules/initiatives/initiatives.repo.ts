import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { focusAreas } from "../focus-areas/focus-areas.schema.js";
import { organisations } from "../organisations/organisations.schema.js";
import { initiativeOwners, initiatives } from "./initiatives.schema.js";

export type Initiative = typeof initiatives.$inferSelect;

/** An initiative with its focus area's name. */
export type InitiativeRow = Initiative & { focusAreaName: string };

function selectInitiatives(db: Db) {
	return db.select({ initiative: initiatives, focusAreaName: focusAreas.name }).from(initiatives).innerJoin(focusAreas, eq(focusAreas.id, initiatives.focusAreaId));
}

const flat = (rows: { initiative: Initiative; focusAreaName: string }[]): InitiativeRow[] => rows.map((r) => ({ ...r.initiative, focusAreaName: r.focusAreaName }));

/** The programme's joint initiatives by title; only those in a focus area, or owned by an organisation, when asked. */
export async function listInitiatives(db: Db, programmeId: string, only: { focusAreaId?: string; organisationId?: string } = {}): Promise<InitiativeRow[]> {
	const owned = only.organisationId
		? inArray(initiatives.id, db.select({ id: initiativeOwners.initiativeId }).from(initiativeOwners).where(eq(initiativeOwners.organisationId, only.organisationId)))
		: undefined;
	const inArea = only.focusAreaId ? eq(initiatives.focusAreaId, only.focusAreaId) : undefined;
	return flat(await selectInitiatives(db).where(and(eq(initiatives.programmeId, programmeId), inArea, owned)).orderBy(asc(initiatives.title), asc(initiatives.id)));
}

/** One initiative of the programme. */
export async function findInitiative(db: Db, programmeId: string, id: string): Promise<InitiativeRow | undefined> {
	return flat(await selectInitiatives(db).where(and(eq(initiatives.programmeId, programmeId), eq(initiatives.id, id))))[0];
}

/** The owner organisations of some initiatives, by name. */
export async function ownersOf(db: Db, initiativeIds: string[]): Promise<{ initiativeId: string; id: string; name: string }[]> {
	if (initiativeIds.length === 0) return [];
	return db
		.select({ initiativeId: initiativeOwners.initiativeId, id: organisations.id, name: organisations.name })
		.from(initiativeOwners)
		.innerJoin(organisations, eq(organisations.id, initiativeOwners.organisationId))
		.where(inArray(initiativeOwners.initiativeId, initiativeIds))
		.orderBy(asc(organisations.name));
}

/** Stores an initiative with its first owners. */
export async function insertInitiative(db: Db, values: typeof initiatives.$inferInsert, ownerIds: string[]): Promise<Initiative> {
	const [row] = await db.insert(initiatives).values(values).returning();
	await addOwners(db, row!.id, ownerIds);
	return row!;
}

/** Adds owners to an initiative; one that already owns it stays as it was. */
export async function addOwners(db: Db, initiativeId: string, organisationIds: string[]): Promise<void> {
	if (organisationIds.length === 0) return;
	await db
		.insert(initiativeOwners)
		.values(organisationIds.map((organisationId) => ({ initiativeId, organisationId })))
		.onConflictDoNothing();
}

/** Changes an initiative's title and description. */
export async function updateInitiative(db: Db, id: string, values: { title: string; description: string }): Promise<void> {
	await db.update(initiatives).set({ ...values, updatedAt: new Date() }).where(eq(initiatives.id, id));
}
