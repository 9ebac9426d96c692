import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import * as demo from "./norsjo.js";
import { seedNorsjoBranding } from "./norsjo-branding.js";
import { seedNorsjoCollaboration } from "./norsjo-collaboration.js";
import { seedNorsjoDecisions } from "./norsjo-decisions.js";
import { seedNorsjoFollowup } from "./norsjo-followup.js";
import { dateDemoGoalHistory, seedNorsjoGoals } from "./norsjo-goals.js";
import { seedNorsjoIndicatorValues } from "./norsjo-indicators.js";
import { seedNorsjoParticipation } from "./norsjo-participation.js";
import { seedNorsjoSurveyHistory, seedNorsjoSurveys } from "./norsjo-surveys.js";
import { seedNorsjoSynthesis } from "./norsjo-synthesis.js";
import { seedNorsjoOpenVote, seedNorsjoVotes } from "./norsjo-votes.js";

/** Loads the Norsjöbygden demo into an empty database, in one transaction. */
export async function seedDemo(db: Db): Promise<void> {
	await db.transaction(async (tx) => {
		const [kommun] = await tx.insert(s.organisations).values(demo.norsjoKommun).returning();
		const [programme] = await tx
			.insert(s.programmes)
			.values({ ...demo.programme, coordinatorId: kommun!.id })
			.returning();
		const programmeId = programme!.id;
		await tx.insert(s.programmePhases).values(demo.phases.map((p, i) => ({ ...p, programmeId, position: i + 1 })));
		const proposals = await tx
			.insert(s.visionProposals)
			.values(demo.proposals.map((p) => ({ ...p, programmeId })))
			.returning();
		const winner = proposals.find((p) => p.number === demo.adoptedVision.proposalNumber)!;
		await tx.insert(s.visionTexts).values({
			programmeId,
			proposalId: winner.id,
			title: demo.adoptedVision.title,
			subtext: demo.adoptedVision.subtext,
			adoptedOn: demo.adoptedVision.adoptedOn,
		});
		const areas = await tx
			.insert(s.focusAreas)
			.values(demo.focusAreas.map((a, i) => ({ ...a, programmeId, position: i + 1 })))
			.returning();
		await tx.insert(s.focusAreaActors).values(areas.map((a) => ({ focusAreaId: a.id, organisationId: kommun!.id })));
		await seedNorsjoSurveys(tx, programmeId, areas.map((a) => a.id));
		await tx.insert(s.votes).values({ ...demo.vote, programmeId });
		await seedNorsjoVotes(tx, programmeId, proposals);
		await tx.insert(s.adoptions).values({ ...demo.municipalAdoption, programmeId, organisationId: kommun!.id });
		await seedNorsjoDecisions(tx, programmeId);
		await seedNorsjoOpenVote(tx, programmeId);
		for (const u of demo.demoUsers) {
			const [user] = await tx.insert(s.users).values({ email: u.email, name: u.name, isAdministrator: u.isAdministrator }).returning();
			if (u.membership) await tx.insert(s.memberships).values({ userId: user!.id, organisationId: kommun!.id, role: u.membership });
		}
		await seedNorsjoSurveyHistory(tx, programmeId);
		await seedNorsjoParticipation(tx, programmeId, areas.map((a) => a.id));
		await seedNorsjoSynthesis(tx, areas);
		await seedNorsjoGoals(tx, programmeId);
		await seedNorsjoIndicatorValues(tx);
		await seedNorsjoCollaboration(tx, programmeId);
		await dateDemoGoalHistory(tx, programmeId);
		await seedNorsjoFollowup(tx, programmeId);
		await seedNorsjoBranding(tx);
	});
}

/** Whether the database holds no programme yet. */
export async function isEmpty(db: Db): Promise<boolean> {
	const result = await db.execute(sql`select not exists (select 1 from programmes) as empty`);
	return Boolean((result as unknown as { rows: { empty: boolean }[] }).rows[0]?.empty);
}

/** Loads the demo on the first start of an empty database. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
	if (!(await isEmpty(db))) return false;
	await seedDemo(db);
	return true;
}
