// Every write route, for every role: allowed or refused as the table below says, and a refused write changes nothing.
// The routes come from Fastify's own route table, so a new write route fails here until the table says who may use it.
// Each request carries a valid CSRF token and an empty form: an allowed role gets past the policy (and is then told
// what is missing), a refused one gets 401, 403 or 404 (a record it may not know of) and the database stays as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/db/client.js";
import { seedDemo } from "../src/demo/seed.js";
import { signInAs } from "./factories.js";
import { TestClient, testApp } from "./helpers.js";
import { fingerprint as tablesFingerprint, type Role, roles, writeStates } from "./sweep-states.js";

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
	"POST /admin/utseende": ["administrator"],
	"POST /admin/utseende/logotyp": ["administrator"],
	"POST /admin/utseende/logotyp/ta-bort": ["administrator"],
	"POST /admin/utseende/favicon": ["administrator"],
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
	"POST /admin/votes/:voteId/close": coordination,
	"POST /admin/votes/:voteId/delete": coordination,
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
	// The note the walk corrects was entered by the facilitator: its author and the coordinator may correct or withdraw it.
	"POST /framtidsverkstader/:id/anteckningar/:noteId": facilitation,
	"POST /framtidsverkstader/:id/anteckningar/:noteId/aterkalla": facilitation,
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
	"POST /uppfoljning/:id/mal/:goalId/fil": itsMembers,
	"POST /uppfoljning/:id/mal/:goalId/fil/:fileId/ta-bort": itsMembers,
	"POST /analys/teman": analysis,
	"POST /analys/teman/:id": analysis,
	"POST /analys/teman/:id/sla-ihop": analysis,
	"POST /analys/teman/:id/dela": analysis,
	"POST /analys/teman/:id/ta-bort-inspel": analysis,
	"POST /analys/inspel/:action": analysis,
	"POST /analys/import": analysis,
	"POST /analys/import/:id": analysis,
	"POST /analys/fokusomraden/:id": analysis,
	"POST /analys/forslag": analysis,
	"POST /analys/forslag/:id/godta": analysis,
	"POST /analys/forslag/:id/byt-namn": analysis,
	"POST /analys/forslag/:id/avvisa": analysis,
	"POST /analys/forslag/:id/sla-ihop": analysis,
	"POST /analys/forslag/assistans": analysis,
	"POST /analys/forslag/assistans/bekrafta": analysis,
	"POST /analys/forslag/assistans/bekrafta-over": analysis,
	"POST /analys/forslag/assistans/ratta": analysis,
	"POST /analys/visionsforslag/:id": analysis,
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

const { app, db } = await testApp();
await seedDemo(db);
const { users, urlOf } = await writeStates(db);
// A session's last use is touched on every request; the sessions' rows themselves still count.
const fingerprint = (db: Db) => tablesFingerprint(db, { countOnly: new Set(["sessions"]) });

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
		const method = route.split(" ")[0]!;
		for (const role of roles) {
			const url = await urlOf(route);
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
