// Every write route, for every role: allowed or refused as the table below says, and a refused write changes nothing.
// The routes come from Fastify's own route table, so a new write route fails here until the table says who may use it.
// Each request carries a valid CSRF token and an empty form: an allowed role gets past the policy (and is then told
// what is missing), a refused one gets 401, 403 or 404 (a record it may not know of) and the database stays as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/db/client.js";
import * as s from "../src/db/schema.js";
import { seedDemo } from "../src/demo/seed.js";
import { followupRounds } from "../src/modules/followup/followup.schema.js";
import { analysts, themes } from "../src/modules/synthesis/synthesis.schema.js";
import { createInitiative, createOrganisation, createUser, signInAs } from "./factories.js";
import { TestClient, testApp } from "./helpers.js";

const roles = ["anonymous", "resident", "pendingMember", "pendingAdmin", "member", "admin", "facilitator", "analyst", "coordinator", "administrator"] as const;
type Role = (typeof roles)[number];

// The role sets of the table. "member" and "admin" belong to an approved association (Norsjö Skidklubb), whose
// records the routes' parameters name; "pendingMember" and "pendingAdmin" to an organisation awaiting approval.
const everyone = roles;
const signedIn = roles.filter((r) => r !== "anonymous");
const coordination: Role[] = ["coordinator", "administrator"];
const officials: Role[] = ["pendingAdmin", "admin", "coordinator", "administrator"];
const itsOfficials: Role[] = ["admin", "coordinator", "administrator"];
const itsAdmin: Role[] = ["admin"];
const itsMembers: Role[] = ["member", "admin"];
const facilitation: Role[] = ["facilitator", "coordinator", "administrator"];
const analysis: Role[] = ["analyst", "coordinator", "administrator"];
const organisationPeople: Role[] = ["member", "admin", "coordinator", "administrator"];

/** Who may write on each route; every other role is refused. */
const table: Record<string, readonly Role[]> = {
	"POST /sign-in": everyone,
	"POST /sign-in/code/:id": everyone,
	"POST /sign-out": everyone,
	"POST /admin/programme": coordination,
	"POST /admin/programme/phases": coordination,
	"POST /admin/programme/phases/:id": coordination,
	"POST /admin/programme/phases/:id/delete": coordination,
	"POST /admin/proposals": coordination,
	"POST /admin/proposals/:id": coordination,
	"POST /admin/enkater": coordination,
	"POST /admin/enkater/:id": coordination,
	"POST /admin/enkater/:id/status": coordination,
	"POST /admin/enkater/:id/oppna-igen": coordination,
	"POST /admin/enkater/:id/delar": coordination,
	"POST /admin/enkater/:id/delar/:sectionId": coordination,
	"POST /admin/enkater/:id/delar/:sectionId/delete": coordination,
	"POST /admin/enkater/:id/bakgrund": coordination,
	"POST /admin/enkater/:id/fragor": coordination,
	"POST /admin/enkater/:id/fragor/:questionId": coordination,
	"POST /admin/enkater/:id/fragor/:questionId/delete": coordination,
	"POST /admin/enkater/:id/papper": coordination,
	"POST /admin/users/memberships": ["administrator"],
	"POST /admin/users/memberships/remove": ["administrator"],
	"POST /admin/users/administrator": ["administrator"],
	"POST /admin/organisations/new": coordination,
	"POST /admin/organisations/:id/approve": coordination,
	"POST /admin/organisations/:id/decline": coordination,
	"POST /admin/organisations/:id/edit": coordination,
	"POST /admin/focus-areas/new": coordination,
	"POST /admin/focus-areas/:id/edit": coordination,
	"POST /admin/framtidsverkstader/ny": coordination,
	"POST /admin/framtidsverkstader/:id": coordination,
	"POST /admin/indikatorer/ny": coordination,
	"POST /admin/indikatorer/:id/andra": coordination,
	"POST /admin/beslut/organ": officials,
	"POST /admin/beslut/sammantraden": officials,
	"POST /admin/beslut/sammantraden/:id/paragrafer": itsOfficials,
	"POST /admin/beslut/visionsorgan": coordination,
	"POST /admin/beslut/paragrafer/:id/yrkanden": itsOfficials,
	"POST /admin/beslut/paragrafer/:id/underlag": itsOfficials,
	"POST /admin/beslut/paragrafer/:id/fil": itsOfficials,
	"POST /admin/beslut/paragrafer/:id/kopplingar": itsOfficials,
	"POST /admin/beslut/paragrafer/:id/rattelse": itsOfficials,
	"POST /admin/antaganden": officials,
	"POST /admin/antaganden/:id/aterkalla": itsOfficials,
	"POST /admin/samordnare": coordination,
	"POST /admin/votes": coordination,
	"POST /admin/votes/:voteId/open": coordination,
	"POST /admin/votes/:voteId/roll": coordination,
	"POST /admin/votes/:voteId/codes": coordination,
	"POST /admin/votes/:voteId/codes/addressed": coordination,
	"POST /admin/votes/:voteId/paper": coordination,
	"POST /admin/votes/:voteId/publish": coordination,
	"POST /account": signedIn,
	"POST /account/delete": signedIn,
	"POST /aktorer/anslut": signedIn,
	"POST /aktorer/:id/kontakt": signedIn,
	"POST /aktorer/:id/kontaktperson": itsAdmin,
	"POST /aktorer/:id/hantera/uppgifter": itsAdmin,
	"POST /aktorer/:id/inbjudningar": itsAdmin,
	"POST /aktorer/:id/inbjudningar/:invitationId/aterkalla": itsAdmin,
	"POST /aktorer/:id/medlemmar/:userId/roll": itsAdmin,
	"POST /aktorer/:id/medlemmar/:userId/ta-bort": itsAdmin,
	"POST /aktorer/:id/mal/ny": itsMembers,
	"POST /aktorer/:id/fokusomraden": itsAdmin,
	"POST /aktorer/:id/samarbeten/ny": itsMembers,
	"POST /aktorer/:id/samarbeten/:requestId/acceptera": itsMembers,
	"POST /aktorer/:id/samarbeten/:requestId/avboj": itsMembers,
	"POST /aktorer/:id/samarbeten/:requestId/aterkalla": itsMembers,
	"POST /arenor/ny": coordination,
	"POST /arenor/:id/andra": coordination,
	"POST /enkater/:id": everyone,
	"POST /inbjudan/:token": signedIn,
	"POST /initiativ/:id/mal/ny": itsMembers,
	"POST /initiativ/:id/andra": itsMembers,
	"POST /initiativ/:id/bjud-in": itsMembers,
	"POST /ideer/ny": signedIn,
	"POST /ideer/:id/kommentarer": signedIn,
	"POST /ideer/:id/kommentarer/:commentId/dolj": coordination,
	"POST /ideer/:id/kommentarer/:commentId/aterstall": coordination,
	"POST /ideer/:id/stod": signedIn,
	"POST /ideer/:id/anmal": signedIn,
	"POST /ideer/:id/aterstall": coordination,
	"POST /ideer/:id/dolj": coordination,
	"POST /framtidsverkstader/:id/anmalan": everyone,
	"POST /framtidsverkstader/:id/anteckningar": facilitation,
	"POST /framtidsverkstader/:id/resultat": facilitation,
	"POST /mal/:id/kommentarer": organisationPeople,
	"POST /mal/:id/delmal/ny": itsMembers,
	"POST /mal/:id/andra": itsMembers,
	"POST /mal/:id/aktiviteter/ny": itsMembers,
	"POST /mal/:id/aktiviteter/:activityId/andra": itsMembers,
	"POST /mal/:id/status": itsMembers,
	"POST /omrostning/:voteId": everyone,
	"POST /admin/uppfoljning": coordination,
	"POST /admin/uppfoljning/:id/oppna": coordination,
	"POST /admin/uppfoljning/:id/publicera": coordination,
	"POST /admin/uppfoljning/:id/paminn": coordination,
	"POST /uppfoljning/:id/mal/:goalId": itsMembers,
	"POST /analys/teman": analysis,
	"POST /analys/teman/:id": analysis,
	"POST /analys/teman/:id/sla-ihop": analysis,
	"POST /analys/teman/:id/dela": analysis,
	"POST /analys/teman/:id/ta-bort-inspel": analysis,
	"POST /analys/inspel/:action": analysis,
	"POST /analys/import": analysis,
	"POST /analys/import/:id": analysis,
	"POST /analys/analytiker": coordination,
	"POST /analys/analytiker/:id/ta-bort": coordination,
	"POST /tillganglighet": everyone,
};

/** The write routes (method and path pattern) in Fastify's route table. */
function writeRoutes(app: FastifyInstance): string[] {
	const found: string[] = [];
	const stack: string[] = [];
	for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
		const m = /^([│├└─ ]*)(\S.*) \(([A-Z, ]+)\)$/.exec(line);
		if (!m) continue;
		const depth = m[1]!.length / 4;
		stack.length = Math.max(depth - 1, 0);
		stack.push(m[2]!);
		for (const method of m[3]!.split(", ").filter((x) => !["GET", "HEAD"].includes(x))) found.push(`${method} ${stack.join("")}`);
	}
	return found;
}

/** A fingerprint of every table's rows, to compare before and after a refused write. */
async function fingerprint(db: Db): Promise<string> {
	const rowsOf = async <R>(query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: R[] };
	const tables = (await rowsOf<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`)).rows;
	const parts = tables.map((t) => sql`select ${t.tablename} as t, count(*)::text as n, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${sql.identifier(t.tablename)} x`);
	const { rows } = await rowsOf<{ t: string; n: string; h: string }>(sql.join(parts, sql` union all `));
	// A session's last use is touched on every request; the sessions' rows themselves still count.
	return rows.map((r) => `${r.t}:${r.n}:${r.t === "sessions" ? "" : r.h}`).join("\n");
}

const { app, db } = await testApp();
await seedDemo(db);

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
	if (p("/admin/framtidsverkstader/:id") || p("/framtidsverkstader/:id")) return { id: workshop.id };
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
	if (p("/uppfoljning/:id")) return { id: (await one(db.select().from(followupRounds))).id, goalId: goal.id };
	if (p("/analys/teman/:id")) return { id: theme!.id };
	if (p("/analys/import/:id")) return { id: "00000000-0000-4000-8000-000000000000" };
	if (p("/analys/inspel/:action")) return { action: "tagga" };
	if (p("/analys/analytiker/:id")) return { id: otherMember.id };
	if (p("/sign-in/code/:id")) return { id: "00000000-0000-4000-8000-000000000000" };
	return {};
}

async function clientFor(role: Role): Promise<TestClient> {
	const client = new TestClient(app);
	if (role !== "anonymous") await signInAs(client, db, users[role]);
	return client;
}

type Res = { statusCode: number; headers: Record<string, unknown> };
/** Whether a response says no to the role: 401, 403 or a redirect to sign in. */
const forbids = (res: Res) => [401, 403].includes(res.statusCode) || (res.statusCode === 303 && String(res.headers.location).startsWith("/sign-in"));
// A refused role may also get 404, for a record it may not know of; an allowed role gets 404 when the empty form names none.
const refuses = (res: Res) => forbids(res) || res.statusCode === 404;

test("the table names every write route of the app", async () => {
	assert.deepEqual(writeRoutes(app).sort(), Object.keys(table).sort());
});

test("every write route allows the roles the table names, refuses every other, and a refused write changes nothing", { timeout: 1_800_000 }, async () => {
	const wrong: string[] = [];
	for (const route of Object.keys(table)) {
		const [method, pattern] = route.split(" ") as [string, string];
		for (const role of roles) {
			const params = await paramsOf(route);
			const url = pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!) + (pattern === "/arenor/ny" ? `?omrade=${goal.focusAreaId}` : "");
			const client = await clientFor(role);
			const payload = new URLSearchParams({ _csrf: await client.csrfToken() }).toString();
			const headers = { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded" };
			const allowed = table[route]!.includes(role);
			const before = allowed ? "" : await fingerprint(db);
			const res = await app.inject({ method, url, payload, headers });
			if (allowed && forbids(res)) wrong.push(`${route} refuses ${role} (${res.statusCode}) but the table allows it`);
			if (!allowed && !refuses(res)) wrong.push(`${route} allows ${role} (${res.statusCode}) but the table refuses it`);
			if (!allowed && (await fingerprint(db)) !== before) wrong.push(`${route} refused ${role} but changed the database`);
		}
	}
	const cells = Object.keys(table).length * roles.length;
	assert.deepEqual(wrong, [], `${wrong.length} of ${cells} route × role cells differ from the table`);
});
