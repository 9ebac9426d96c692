// The data states the roles walk and the hostile-input sweep need to reach every write route: who each role is (members
// and admins of an approved and of a pending organisation, a facilitator, an analyst …), who may write where, and the
// records a route's parameters name.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../src/db/client.js";
import { backgroundIdle } from "../src/lib/background.js";
import * as s from "../src/schema.js";
import { followupRounds } from "../src/modules/followup/followup.schema.js";
import { analysts, themes } from "../src/modules/synthesis/synthesis.schema.js";
import { startSession, viewerForToken } from "../src/modules/accounts/index.js";
import { addEvidenceFile, saveReport } from "../src/modules/followup/reporting.service.js";
import { createRound, openRound } from "../src/modules/followup/rounds.service.js";
import { addSection } from "../src/modules/surveys/surveys.service.js";
import { uploadFile } from "../src/modules/synthesis/imports.service.js";
import { startSuggestions } from "../src/modules/synthesis/suggest.service.js";
import { bulkAction, tagPage } from "../src/modules/synthesis/synthesis.service.js";
import { importRoll, openVote } from "../src/modules/votes/votes.service.js";
import { createInitiative, createOrganisation, createSurvey, createUser, createVote, personalNumber } from "./factories.js";

export const roles = ["anonymous", "resident", "pendingMember", "pendingAdmin", "member", "admin", "facilitator", "analyst", "coordinator", "administrator"] as const;
export type Role = (typeof roles)[number];

/** Makes the roles' people and the records the write routes name, on a seeded demo. */
export async function writeStates(db: Db) {

	const one = async <T>(rows: Promise<T[]>): Promise<T> => (await rows)[0]!;
	const [programme] = await db.select().from(s.programmes);
	const skidklubb = await one(db.select().from(s.organisations).where(eq(s.organisations.name, "Norsjö Skidklubb (demo)")));
	const pending = await createOrganisation(db, { name: "Väntande förening", status: "pending" });
	const workshop = await one(db.select().from(s.workshops));
	const kommun = await one(db.select().from(s.organisations).where(eq(s.organisations.id, programme!.coordinatorId!)));
	const users: Record<Exclude<Role, "anonymous">, string> = {
		resident: (await createUser(db)).id,
		pendingMember: (await createUser(db, { memberOf: { organisationId: pending.id, role: "member" } })).id,
		pendingAdmin: (await createUser(db, { memberOf: { organisationId: pending.id, role: "admin" } })).id,
		member: (await createUser(db, { memberOf: { organisationId: skidklubb.id, role: "member" } })).id,
		admin: (await createUser(db, { memberOf: { organisationId: skidklubb.id, role: "admin" } })).id,
		facilitator: (await createUser(db)).id,
		analyst: (await createUser(db)).id,
		coordinator: (await one(db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example")))).id,
		administrator: (await one(db.select().from(s.users).where(eq(s.users.email, "admin@medskapa.example")))).id,
	};
	await db.update(s.workshops).set({ facilitatorId: users.facilitator }).where(eq(s.workshops.id, workshop.id));
	const [note] = await db.insert(s.workshopNotes).values({ workshopId: workshop.id, groupLabel: "Grupp 1", question: "Vad är bra?", text: "Skidspåren", enteredBy: users.facilitator }).returning();
	await db.insert(analysts).values({ userId: users.analyst });

	// The approved organisation's own records, for the routes about an organisation's bodies, goals and members.
	const [body] = await db.insert(s.decisionBodies).values({ organisationId: skidklubb.id, name: "Arbetsutskottet" }).returning();
	const [meeting] = await db.insert(s.meetings).values({ bodyId: body!.id, heldOn: "2019-04-15" }).returning();
	const [item] = await db.insert(s.decisionItems).values({ meetingId: meeting!.id, paragraph: 1, title: "Visionen", decidedOn: "2019-04-15" }).returning();
	const adoption = await one(db.select().from(s.adoptions).where(eq(s.adoptions.organisationId, skidklubb.id)));
	const goal = await one(db.select().from(s.goals).where(eq(s.goals.organisationId, skidklubb.id)));
	const [activity] = await db.insert(s.goalActivities).values({ goalId: goal.id, title: "Spårdragning", startsOn: "2019-01-01", endsOn: "2019-12-31" }).returning();
	const otherMember = await createUser(db, { memberOf: { organisationId: skidklubb.id, role: "member" } });
	const [invitation] = await db
		.insert(s.organisationInvitations)
		.values({ organisationId: skidklubb.id, email: "ny@example.se", role: "member", tokenHash: "x".repeat(43), expiresAt: new Date(Date.now() + 86_400_000) })
		.returning();
	const [theme] = await db.insert(themes).values({ name: "Trygghet" }).returning();
	const initiative = await createInitiative(db, programme!.id, goal.focusAreaId, { ownerIds: [skidklubb.id] });

	/** A new collaboration request between the association and the municipality, to answer (to the association) or withdraw (from it). */
	async function requestId(route: string): Promise<string> {
		const [from, to] = route.endsWith("aterkalla") ? [skidklubb.id, kommun.id] : [kommun.id, skidklubb.id];
		const [row] = await db.insert(s.collaborationRequests).values({ programmeId: programme!.id, focusAreaId: goal.focusAreaId, fromOrganisationId: from, toOrganisationId: to, title: "Samarbete", message: "Vill ni?" }).returning();
		return row!.id;
	}
	const survey = await one(db.select().from(s.surveys));
	const section = await one(db.select().from(s.surveySections).where(eq(s.surveySections.surveyId, survey.id)));
	const question = await one(db.select().from(s.surveyQuestions).where(eq(s.surveyQuestions.surveyId, survey.id)));
	const idea = await one(db.select().from(s.ideas));
	const comment = await one(db.select().from(s.ideaComments).where(eq(s.ideaComments.ideaId, idea.id)));
	const vote = await one(db.select().from(s.votes));

	/** The records a route's parameters name, by the route's pattern. */
	async function paramsOf(route: string): Promise<Record<string, string>> {
		const p = (prefix: string) => route.includes(prefix);
		if (p("/admin/programme/phases/:id")) return { id: (await one(db.select().from(s.programmePhases))).id };
		if (p("/admin/proposals/:id")) return { id: (await one(db.select().from(s.visionProposals))).id };
		if (p("/admin/enkater/:id")) return { id: survey.id, sectionId: section.id, questionId: question.id };
		if (p("/admin/organisations/:id/approve") || p("/admin/organisations/:id/decline")) return { id: (await createOrganisation(db, { status: "pending" })).id };
		if (p("/admin/organisations/:id")) return { id: skidklubb.id };
		if (p("/admin/focus-areas/:id")) return { id: (await one(db.select().from(s.focusAreas))).id };
		if (p("/admin/framtidsverkstader/:id") || p("/framtidsverkstader/:id")) return { id: workshop.id, noteId: note!.id };
		if (p("/admin/indikatorer/:id")) return { id: (await one(db.select().from(s.indicators))).id };
		if (p("/admin/beslut/sammantraden/:id")) return { id: meeting!.id };
		if (p("/admin/beslut/paragrafer/:id")) return { id: item!.id };
		if (p("/admin/antaganden/:id")) return { id: adoption.id };
		if (p(":voteId")) return { voteId: vote.id };
		if (p(":requestId")) return { id: skidklubb.id, requestId: await requestId(route) };
		if (p("/aktorer/:id")) return { id: skidklubb.id, invitationId: invitation!.id, userId: otherMember.id };
		if (p("/arenor/:id")) return { id: (await one(db.select().from(s.arenaMeetings))).id };
		if (p("/enkater/:id")) return { id: survey.id };
		if (p("/inbjudan/:token")) return { token: "y".repeat(43) };
		if (p("/initiativ/:id")) return { id: initiative.id };
		if (p("/ideer/:id")) return { id: idea.id, commentId: comment.id };
		if (p("/mal/:id")) return { id: goal.id, activityId: activity!.id };
		if (p("/uppfoljning/:id")) return { id: (await one(db.select().from(followupRounds))).id, goalId: goal.id, fileId: "00000000-0000-4000-8000-000000000000" };
		if (p("/analys/teman/:id")) return { id: theme!.id };
		if (p("/analys/import/:id") || p("/analys/forslag/:id")) return { id: "00000000-0000-4000-8000-000000000000" };
		if (p("/analys/inspel/:action")) return { action: "tagga" };
		if (p("/analys/analytiker/:id")) return { id: otherMember.id };
		if (p("/analys/fokusomraden/:id")) return { id: goal.focusAreaId };
		if (p("/analys/visionsforslag/:id")) return { id: (await one(db.select().from(s.visionProposals))).id };
		if (p("/sign-in/code/:id")) return { id: "00000000-0000-4000-8000-000000000000" };
		return {};
	}

	/** A route's address with its parameters filled in by paramsOf. */
	async function urlOf(route: string): Promise<string> {
		const pattern = route.split(" ")[1]!;
		const params = await paramsOf(route);
		return pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!) + (pattern === "/arenor/ny" ? `?omrade=${goal.focusAreaId}` : "");
	}
	return { users, pending, skidklubb, programme: programme!, goal, paramsOf, urlOf, later: await laterStates(db, { users, programmeId: programme!.id, skidklubb, kommun, goal, theme: theme! }) };
}

/**
 * Records in the later stages of their lives, made after the records paramsOf names so that those stay the same: each
 * puts forms on a page that the earlier stages do not show. Gives the pages that show them, by the role that sees them.
 */
async function laterStates(
	db: Db,
	{ users, programmeId, skidklubb, kommun, goal, theme }: { users: Record<Exclude<Role, "anonymous">, string>; programmeId: string; skidklubb: { id: string }; kommun: { id: string }; goal: { id: string; focusAreaId: string; periodStart: string; periodEnd: string }; theme: { id: string } },
): Promise<Partial<Record<Role, string[]>>> {
	const viewer = async (userId: string) => (await viewerForToken(db, (await startSession(db, userId)).token))!;
	const [coordinator, member, analyst] = [await viewer(users.coordinator), await viewer(users.member), await viewer(users.analyst)];
	const must = <T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> => {
		if (!result.ok) throw new Error(`sweep states: ${what} was refused`);
		return result as Extract<T, { ok: true }>;
	};

	// A closed survey without answers and with two sections: it can be opened again, and a section deleted.
	const { survey } = await createSurvey(db, programmeId, { status: "closed", questions: [{ kind: "long_text" }] });
	must("a second section", await addSection(db, coordinator, survey.id, { title: "Mer", description: "" }));
	const [section] = await db.select().from(s.surveySections).where(eq(s.surveySections.surveyId, survey.id)).limit(1);

	// A vote by code whose period is over, with a roll: letters with addresses can be made, and the results published.
	const vote = await createVote(db, programmeId, { channels: "code", frozenAt: null });
	must("the roll", await importRoll(db, coordinator, vote.id, { csv: [personalNumber("19600101"), personalNumber("19610101")].join("\n") }));
	await openVote(db, coordinator, vote.id);

	// A collaboration request from the municipality, pending: the association answers it, the municipality may withdraw it.
	const [request] = await db.insert(s.collaborationRequests).values({ programmeId, focusAreaId: goal.focusAreaId, fromOrganisationId: kommun.id, toOrganisationId: skidklubb.id, title: "Skidskola", message: "Vill ni vara med?" }).returning();

	// An uploaded file waiting for its columns to be chosen, a finished run of suggested themes, and a theme with an input.
	const csv = Buffer.from("text;datum\nFler bänkar vid älven;2026-05-01\nBättre belysning i spåret;2026-05-02\n");
	const upload = must("the upload", await uploadFile(db, analyst, { file: { data: csv, fileName: "inspel.csv" } }));
	must("the suggestions", await startSuggestions(db, analyst, { scope: "all", k: "3", seed: "1" }));
	await backgroundIdle();
	const [input] = (await tagPage(db, analyst, {})).rows;
	must("the tagging", await bulkAction(db, analyst, "tag", { inputIds: [input!.id], themeId: theme.id }));

	// An open follow-up round over the association's goal's period (only goals running then are followed up in it), where
	// the goal is reported, with a file as evidence.
	const round = must("the round", await createRound(db, coordinator, { title: "Målens period", periodStart: goal.periodStart, periodEnd: goal.periodEnd, deadline: "2099-12-31" }));
	await openRound(db, coordinator, round.id);
	must("the report", await saveReport(db, member, round.id, goal.id, { status: "on_track", account: "Spåren dras varje vecka." }));
	must("the evidence", await addEvidenceFile(db, member, round.id, goal.id, { file: { data: Buffer.from("%PDF-1.4\n%%EOF\n"), fileName: "protokoll.pdf" } }));

	return {
		coordinator: [`/admin/enkater/${survey.id}`, `/admin/enkater/${survey.id}/delar/${section!.id}`, `/admin/votes/${vote.id}`, `/aktorer/${kommun.id}/samarbeten/${request!.id}`],
		admin: [`/aktorer/${skidklubb.id}/samarbeten/${request!.id}`],
		analyst: [`/analys/import/${upload.id}`, `/analys/teman/${theme.id}`],
		member: [`/uppfoljning/${round.id}/mal/${goal.id}`],
	};
}

/**
 * Every table's row count and newest row version (xmin): changes when anything is inserted, updated or deleted, and is
 * cheap enough to take around every request. Tables in `skip` are left out, those in `countOnly` (touched on every
 * request, like sessions) compared by their count alone. Sorted, since PostgreSQL returns a union's rows in no fixed order.
 */
export async function fingerprint(db: Db, options: { skip?: Set<string>; countOnly?: Set<string> } = {}): Promise<string> {
	// A suggestion run or an import started by an earlier request goes on writing in the background: let it end first.
	await backgroundIdle();
	const rowsOf = async <R>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: R[] }).rows;
	const tables = (await rowsOf<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`)).filter((t) => !options.skip?.has(t.tablename));
	const parts = tables.map((t) => sql`select ${t.tablename} as t, count(*)::text as n, coalesce(max(xmin::text::bigint), 0)::text as x from ${sql.identifier(t.tablename)}`);
	const rows = await rowsOf<{ t: string; n: string; x: string }>(sql.join(parts, sql` union all `));
	return rows
		.map((r) => `${r.t}:${r.n}:${options.countOnly?.has(r.t) ? "" : r.x}`)
		.sort()
		.join("\n");
}
