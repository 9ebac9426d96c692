// The demo's collaboration: Norsjö kommun and another actor with goals in the same focus area have agreed on a joint
// initiative (through an accepted request, as the inbox would record it), and the area's arena has met once and meets again.
// Run after the goals demo: it looks for another organisation with a goal in the leisure area.
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { createGoalFor, saveGoalActivity } from "../modules/goals/index.js";

/** Position (from 0) of "En rik och attraktiv fritid" among the demo's focus areas. */
const leisureArea = 5;

/** The initiative's own goal and activity, entered through the goals service by the municipality's demo coordinator. */
async function enterInitiativeGoal(tx: Db, kommunId: string, initiativeId: string, areaId: string): Promise<void> {
	const [user] = await tx.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	const viewer = { id: user!.id, email: user!.email, name: user!.name, isAdministrator: false, memberships: [{ organisationId: kommunId, role: "admin" as const }] };
	const goal = await createGoalFor(tx, viewer, { initiativeId }, {
		title: "Alla barn i åk 1–3 har provat skidor",
		description: "Skidskola varje söndag i elljusspåret, med gratis lån av skidor, pjäxor och stavar.",
		focusAreaId: areaId,
		periodStart: "2019-11-01",
		periodEnd: "2022-04-30",
		responsible: "Fritidschef och skidklubbens ungdomsansvarige",
		expectedResult: "Varje barn i åk 1–3 har provat skidor minst en gång.",
	});
	if (!goal.ok) throw new Error("the demo could not save the initiative's goal");
	const activity = await saveGoalActivity(tx, viewer, goal.id, null, {
		title: "Skidlån i sporthallen",
		startsOn: "2019-12-01",
		endsOn: "2022-03-31",
		status: "on_track",
		owner: "Norsjö Skidklubb",
	});
	if (!activity.ok) throw new Error("the demo could not save the initiative's activity");
}

/** Adds one joint initiative with its accepted request, and two arena meetings in the leisure area. */
export async function seedNorsjoCollaboration(tx: Db, programmeId: string): Promise<void> {
	const [programme] = await tx.select().from(s.programmes).where(eq(s.programmes.id, programmeId));
	const kommunId = programme!.coordinatorId!;
	const areas = await tx.select().from(s.focusAreas).where(eq(s.focusAreas.programmeId, programmeId)).orderBy(asc(s.focusAreas.position));
	const area = areas[leisureArea]!;
	const goalsInArea = await tx.select().from(s.goals).where(and(eq(s.goals.programmeId, programmeId), eq(s.goals.focusAreaId, area.id))).orderBy(asc(s.goals.createdAt));
	const theirGoal = goalsInArea.find((g) => g.organisationId && g.organisationId !== kommunId);
	const ourGoal = goalsInArea.find((g) => g.organisationId === kommunId);
	const partnerId = theirGoal?.organisationId ?? (await tx.select().from(s.organisations).where(ne(s.organisations.id, kommunId)).limit(1))[0]?.id;

	let initiativeId: string | null = null;
	if (partnerId) {
		const [initiative] = await tx
			.insert(s.initiatives)
			.values({
				programmeId,
				focusAreaId: area.id,
				title: "Spår och skidskola för alla barn (demo)",
				description: "Kommunen preparerar elljusspåret från första snön och skidklubben håller skidskola där varje söndag. Skidor lånas ut gratis.\n\nEtt gemensamt initiativ i demodata.",
				createdAt: new Date("2019-10-14T08:00:00Z"),
				updatedAt: new Date("2019-10-14T08:00:00Z"),
			})
			.returning();
		initiativeId = initiative!.id;
		await tx.insert(s.initiativeOwners).values([kommunId, partnerId].map((organisationId) => ({ initiativeId: initiative!.id, organisationId, since: initiative!.createdAt })));
		await enterInitiativeGoal(tx, kommunId, initiative!.id, area.id);
		await tx.insert(s.collaborationRequests).values({
			programmeId,
			focusAreaId: area.id,
			fromOrganisationId: partnerId,
			toOrganisationId: kommunId,
			fromGoalId: theirGoal?.id ?? null,
			toGoalId: ourGoal?.id ?? null,
			title: initiative!.title,
			message: "Vi vill att fler barn provar skidor. Kan kommunen preparera spåret så håller vi skidskolan?",
			status: "accepted",
			createdAt: new Date("2019-10-01T09:00:00Z"),
			response: "Ja, gärna. Vi tar spårningen från första snön.",
			respondedAt: initiative!.createdAt,
			initiativeId: initiative!.id,
		});
	}

	const [held, coming] = await tx
		.insert(s.arenaMeetings)
		.values([
			{
				programmeId,
				focusAreaId: area.id,
				title: "Arenaträff: En rik och attraktiv fritid (demo)",
				startsAt: new Date("2019-09-24T16:00:00Z"),
				endsAt: new Date("2019-09-24T18:00:00Z"),
				place: "Folkets hus, Norsjö",
				agenda: "1. Vilka mål har vi satt inom fritiden?\n\n2. Var kan vi göra mer tillsammans?",
				notes: "Kommunen och skidklubben vill samarbeta om skidskolan och spåren. Fler föreningar bjuds in till nästa träff.",
			},
			{
				programmeId,
				focusAreaId: area.id,
				title: "Arenaträff om vinterns fritid (demo)",
				startsAt: new Date("2027-03-16T17:00:00Z"),
				endsAt: new Date("2027-03-16T19:00:00Z"),
				place: "Bygdegården, Bastuträsk",
				agenda: "1. Hur gick vintern i spåren?\n\n2. Nya föreningar i samarbetet.",
			},
		])
		.returning();
	const participants = [kommunId, ...(partnerId ? [partnerId] : [])];
	await tx.insert(s.arenaMeetingOrganisations).values(participants.map((organisationId) => ({ meetingId: held!.id, organisationId })));
	const links = [
		...[ourGoal, theirGoal].filter((g) => g !== undefined).map((g) => ({ meetingId: held!.id, goalId: g.id })),
		...(initiativeId ? [{ meetingId: coming!.id, initiativeId }] : []),
	];
	if (links.length) await tx.insert(s.arenaMeetingLinks).values(links);
}
