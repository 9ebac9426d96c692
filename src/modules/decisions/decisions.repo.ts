import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../organisations/organisations.schema.js";
import { adoptions } from "./decisions.schema.js";

/** An adoption that stands (not withdrawn), with the name of the organisation behind it. */
export type StandingAdoption = {
	id: string;
	organisationId: string;
	organisationName: string;
	decidedOn: string;
	body: string;
	reference: string;
};

const standingColumns = {
	id: adoptions.id,
	organisationId: adoptions.organisationId,
	organisationName: organisations.name,
	decidedOn: adoptions.decidedOn,
	body: adoptions.body,
	reference: adoptions.reference,
};

/** Every standing adoption of a programme, oldest decision first. */
export async function listStandingAdoptions(db: Db, programmeId: string): Promise<StandingAdoption[]> {
	return db
		.select(standingColumns)
		.from(adoptions)
		.innerJoin(organisations, eq(organisations.id, adoptions.organisationId))
		.where(and(eq(adoptions.programmeId, programmeId), isNull(adoptions.withdrawnOn)))
		.orderBy(asc(adoptions.decidedOn), asc(organisations.name), asc(adoptions.id));
}

/** One organisation's standing adoption of a programme's vision (its newest, should there be several). */
export async function findStandingAdoption(db: Db, programmeId: string, organisationId: string): Promise<StandingAdoption | undefined> {
	const rows = await db
		.select(standingColumns)
		.from(adoptions)
		.innerJoin(organisations, eq(organisations.id, adoptions.organisationId))
		.where(and(eq(adoptions.programmeId, programmeId), eq(adoptions.organisationId, organisationId), isNull(adoptions.withdrawnOn)))
		.orderBy(desc(adoptions.decidedOn), desc(adoptions.createdAt))
		.limit(1);
	return rows[0];
}
