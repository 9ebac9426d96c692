import type { Db } from "../../db/client.js";
import { getProgramme } from "../programmes/index.js";
import * as repo from "./decisions.repo.js";

/** An adoption as the public sees it: who decided, when, in which body, under which reference. */
export type PublicAdoption = {
	id: string;
	organisation: { id: string; name: string };
	decidedOn: string;
	body: string;
	reference: string;
};

function toPublic(a: repo.StandingAdoption): PublicAdoption {
	return { id: a.id, organisation: { id: a.organisationId, name: a.organisationName }, decidedOn: a.decidedOn, body: a.body, reference: a.reference };
}

/** The organisations that stand behind the programme's vision now (withdrawn adoptions left out). */
export async function standingAdoptions(db: Db): Promise<PublicAdoption[]> {
	const programme = await getProgramme(db);
	return (await repo.listStandingAdoptions(db, programme.id)).map(toPublic);
}

/** An organisation's standing adoption of the programme's vision, or null when it has none. */
export async function standingAdoptionOf(db: Db, programmeId: string, organisationId: string): Promise<PublicAdoption | null> {
	const found = await repo.findStandingAdoption(db, programmeId, organisationId);
	return found ? toPublic(found) : null;
}
