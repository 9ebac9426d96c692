import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import * as s from "../../schema.js";
import { clientAs, createArenaMeeting, createFocusArea, createGoal, createInitiative, createOrganisation, createProgramme, createUser, createWorkshop } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { arenaMeetingsFor, upcomingArenaMeetings } from "./index.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const actor = await createOrganisation(db, { name: "Byaföreningen i Kusfors" });
const outsider = await createOrganisation(db, { name: "Annan aktör AB" });
const area = await createFocusArea(db, programme.id, { name: "En trygg bygd", organisationIds: [actor.id, coordinator.id] });
const otherArea = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 2, organisationIds: [outsider.id] });

const goalOf = (organisationId: string, focusAreaId: string, title: string) => createGoal(db, programme.id, focusAreaId, { organisationId, title });

const roles = {
	coordinator: await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } }),
	actorMember: await createUser(db, { memberOf: { organisationId: actor.id, role: "member" } }),
	outsiderAdmin: await createUser(db, { memberOf: { organisationId: outsider.id, role: "admin" } }),
	resident: await createUser(db),
};

const valid = { title: "Trygghetsvandring i Norsjö", date: "2019-03-12", startTime: "18:00", endTime: "20.00", place: "Folkets hus, Norsjö", agenda: "1. Läget\n\n2. Nästa steg", notes: "" };

async function post(client: TestClient, url: string, values: Record<string, string>, choices: Record<string, string[]> = {}) {
	const body = new URLSearchParams(values);
	for (const [name, ids] of Object.entries(choices)) for (const id of ids) body.append(name, id);
	return client.post(url, body);
}

test("a member of an actor in the area plans a meeting in Swedish time with participants and what it deals with; the public sees it", async () => {
	const goal = await goalOf(actor.id, area.id, "Fler trygghetsvandringar");
	const initiative = await createInitiative(db, programme.id, area.id, { title: "Trygga byar", ownerIds: [actor.id, coordinator.id] });
	const client = await clientAs(app, db, roles.actorMember.id);

	const chooser = await client.get("/arenor/ny");
	assert.equal(chooser.statusCode, 200);
	assert.ok(chooser.body.includes(`href="/arenor/ny?omrade=${area.id}"`));
	assert.ok(!chooser.body.includes(otherArea.id), "only the areas the member's organisation works in");

	const formPage = await client.get(`/arenor/ny?omrade=${area.id}`);
	assert.equal(formPage.statusCode, 200);
	assert.match(formPage.body, /<h1>Ny arenaträff i En trygg bygd<\/h1>/);
	assert.ok(formPage.body.includes(`value="${goal.id}"`));

	const res = await post(client, `/arenor/ny?omrade=${area.id}`, valid, { organisations: [actor.id, coordinator.id], goals: [goal.id], initiatives: [initiative.id] });
	assert.equal(res.statusCode, 303);
	const [stored] = await db.select().from(s.arenaMeetings).where(eq(s.arenaMeetings.title, valid.title));
	assert.ok(stored);
	// 12 March 2019 is winter time: 18:00 in Sweden is 17:00 UTC.
	assert.equal(stored.startsAt.toISOString(), "2019-03-12T17:00:00.000Z");
	assert.equal(stored.endsAt.toISOString(), "2019-03-12T19:00:00.000Z");
	assert.equal(res.headers.location, `/arenor/${stored.id}`);

	const page = await new TestClient(app).get(`/arenor/${stored.id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Trygghetsvandring i Norsjö<\/h1>/);
	assert.match(page.body, /12 mars 2019 (kl\. )?18:00–20:00/);
	assert.match(page.body, /<p>1\. Läget<\/p><p>2\. Nästa steg<\/p>/);
	assert.ok(page.body.includes(`<a href="/aktorer/${actor.id}">Byaföreningen i Kusfors</a>`));
	assert.ok(page.body.includes(`href="/initiativ/${initiative.id}">Trygga byar</a>`));
	assert.match(page.body, /Fler trygghetsvandringar \(Byaföreningen i Kusfors\)/);
	assert.doesNotMatch(page.body, /Ändra arenaträffen/, "the public cannot change it");

	assert.deepEqual((await arenaMeetingsFor(db, { goalId: goal.id })).map((m) => m.id), [stored.id]);
	assert.deepEqual((await arenaMeetingsFor(db, { initiativeId: initiative.id })).map((m) => m.id), [stored.id]);
	const list = await new TestClient(app).get("/arenor");
	assert.match(list.body, /Genomförda arenaträffar/);
	assert.ok(list.body.includes(`<a href="/arenor/${stored.id}">Trygghetsvandring i Norsjö</a>`));
});

test("notes are added afterwards and participants changed by the coordinator", async () => {
	const meeting = await createArenaMeeting(db, programme.id, area.id, { title: "Arena om trygghet" });
	const client = await clientAs(app, db, roles.coordinator.id);
	const edit = await client.get(`/arenor/${meeting.id}/andra`);
	assert.equal(edit.statusCode, 200);
	assert.match(edit.body, /value="2019-03-12"/);
	assert.match(edit.body, /value="18:00"/);
	const res = await post(client, `/arenor/${meeting.id}/andra`, { ...valid, title: "Arena om trygghet", notes: "Vi kom överens om belysning." }, { organisations: [outsider.id] });
	assert.equal(res.statusCode, 303);
	assert.equal(flashMessage((await client.get(String(res.headers.location))).body), "Arenaträffen är ändrad.");
	const page = await new TestClient(app).get(`/arenor/${meeting.id}`);
	assert.match(page.body, /Vi kom överens om belysning\./);
	assert.ok(page.body.includes(`/aktorer/${outsider.id}`));
});

test("who may plan and change meetings: the coordinator and members of actors in the area, nobody else", async () => {
	const meeting = await createArenaMeeting(db, programme.id, area.id);
	const anonymous = new TestClient(app);
	for (const url of ["/arenor/ny", `/arenor/ny?omrade=${area.id}`, `/arenor/${meeting.id}/andra`]) {
		const res = await anonymous.get(url);
		assert.equal(res.statusCode, 303, url);
		assert.match(String(res.headers.location), /^\/sign-in/);
	}
	assert.equal((await post(anonymous, `/arenor/ny?omrade=${area.id}`, valid)).statusCode, 303);
	for (const who of [roles.resident, roles.outsiderAdmin]) {
		const client = await clientAs(app, db, who.id);
		assert.equal((await client.get(`/arenor/ny?omrade=${area.id}`)).statusCode, 403);
		assert.equal((await post(client, `/arenor/ny?omrade=${area.id}`, { ...valid, title: "Ska inte sparas" })).statusCode, 403);
		assert.equal((await client.get(`/arenor/${meeting.id}/andra`)).statusCode, 403);
		assert.equal((await post(client, `/arenor/${meeting.id}/andra`, { ...valid, title: "Ska inte sparas" })).statusCode, 403);
	}
	assert.equal((await (await clientAs(app, db, roles.resident.id)).get("/arenor/ny")).statusCode, 403);
	assert.equal((await db.select().from(s.arenaMeetings).where(eq(s.arenaMeetings.title, "Ska inte sparas"))).length, 0);
	const member = await clientAs(app, db, roles.actorMember.id);
	assert.equal((await member.get(`/arenor/${meeting.id}/andra`)).statusCode, 200);
	assert.match((await member.get(`/arenor/${meeting.id}`)).body, /Ändra arenaträffen/);
	const coordinatorClient = await clientAs(app, db, roles.coordinator.id);
	assert.equal((await coordinatorClient.get(`/arenor/ny?omrade=${otherArea.id}`)).statusCode, 200, "the coordinator plans in any area");
});

test("bad meeting input keeps what was typed and says what is wrong", async () => {
	const client = await clientAs(app, db, roles.actorMember.id);
	const elsewhere = await goalOf(outsider.id, otherArea.id, "Mål i ett annat område");
	const cases: { values: Record<string, string>; choices?: Record<string, string[]>; message: RegExp }[] = [
		{ values: { ...valid, endTime: "17:30" }, message: /Sluttiden måste vara efter starttiden\./ },
		{ values: { ...valid, startTime: "25:00" }, message: /Skriv en tid som TT:MM/ },
		{ values: { ...valid, date: "2019-02-30" }, message: /Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
		{ values: { ...valid, title: "" }, message: /Rubrik: Fyll i fältet\./ },
		{ values: valid, choices: { organisations: [randomUUID()] }, message: /Organisationen finns inte\./ },
		{ values: valid, choices: { goals: [elsewhere.id] }, message: /Målet finns inte i det här fokusområdet\./ },
		{ values: valid, choices: { goals: ["inte-ett-id"] }, message: /Målet finns inte i det här fokusområdet\./ },
		{ values: valid, choices: { initiatives: [randomUUID()] }, message: /Initiativet finns inte i det här fokusområdet\./ },
	];
	for (const c of cases) {
		const res = await post(client, `/arenor/ny?omrade=${area.id}`, { ...c.values, place: "Behålls här" }, c.choices);
		assert.equal(res.statusCode, 422, String(c.message));
		assert.match(res.body, c.message);
		assert.match(res.body, /value="Behålls här"/);
	}
	assert.equal((await db.select().from(s.arenaMeetings).where(eq(s.arenaMeetings.place, "Behålls här"))).length, 0);
});

test("unknown or malformed meeting and area ids are not found", async () => {
	const client = await clientAs(app, db, roles.coordinator.id);
	for (const id of [randomUUID(), "inte-ett-id", "%27%3B--"]) {
		assert.equal((await new TestClient(app).get(`/arenor/${id}`)).statusCode, 404, id);
		assert.equal((await client.get(`/arenor/${id}/andra`)).statusCode, 404, id);
		assert.equal((await client.get(`/arenor/ny?omrade=${id}`)).statusCode, 404, id);
		assert.equal((await new TestClient(app).get(`/api/v1/arena-meetings/${id}`)).statusCode, id === "inte-ett-id" || id.startsWith("%") ? 400 : 404, id);
	}
});

test("upcoming meetings of a focus area, soonest first, leave out those that have ended", async () => {
	const area2 = await createFocusArea(db, programme.id, { position: 9 });
	const hour = 3_600_000;
	const later = await createArenaMeeting(db, programme.id, area2.id, { startsAt: new Date(Date.now() + 48 * hour), endsAt: new Date(Date.now() + 50 * hour) });
	const sooner = await createArenaMeeting(db, programme.id, area2.id, { startsAt: new Date(Date.now() + 24 * hour), endsAt: new Date(Date.now() + 26 * hour) });
	await createArenaMeeting(db, programme.id, area2.id, { startsAt: new Date(Date.now() - 26 * hour), endsAt: new Date(Date.now() - 24 * hour) });
	assert.deepEqual((await upcomingArenaMeetings(db, area2.id)).map((m) => m.id), [sooner.id, later.id]);
});

test("arena meetings are in /arenor.ics, and with the workshops in /kalender.ics, parsed with ical.js", async () => {
	const meeting = await createArenaMeeting(db, programme.id, area.id, { title: "Arena, med komma; och semikolon", place: "Bygdegården, Bastuträsk", agenda: "Punkt ett\nPunkt två" });
	const workshop = await createWorkshop(db, programme.id, { title: "Framtidsverkstad i kalendern" });
	const parse = (body: string) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));

	const arenas = await new TestClient(app).get("/arenor.ics");
	assert.equal(arenas.statusCode, 200);
	assert.match(String(arenas.headers["content-type"]), /^text\/calendar/);
	assert.ok(arenas.body.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75));
	const event = parse(arenas.body).find((e) => e.uid === `arena-meeting-${meeting.id}@medskapa`);
	assert.ok(event);
	assert.equal(event.summary, "Arena, med komma; och semikolon");
	assert.equal(event.location, "Bygdegården, Bastuträsk");
	assert.equal(event.description, "En trygg bygd\n\nPunkt ett\nPunkt två");
	assert.equal(event.startDate.toJSDate().toISOString(), "2019-03-12T17:00:00.000Z");
	assert.equal(event.endDate.toJSDate().toISOString(), "2019-03-12T19:00:00.000Z");
	assert.ok(!parse(arenas.body).some((e) => e.uid.startsWith("workshop-")));

	const all = parse((await new TestClient(app).get("/kalender.ics")).body);
	assert.ok(all.some((e) => e.uid === `arena-meeting-${meeting.id}@medskapa`));
	assert.ok(all.some((e) => e.uid === `workshop-${workshop.id}@medskapa` && e.summary === "Framtidsverkstad i kalendern"));
	const starts = all.map((e) => e.startDate.toJSDate().getTime());
	assert.deepEqual(starts, [...starts].sort((a, b) => a - b), "events in time order");
});

test("the API lists arena meetings with the ids of who took part and what they dealt with", async () => {
	const goal = await goalOf(actor.id, area.id, "Mål för API:t");
	const meeting = await createArenaMeeting(db, programme.id, area.id, { title: "Arena i API:t" });
	await db.insert(s.arenaMeetingOrganisations).values({ meetingId: meeting.id, organisationId: actor.id });
	await db.insert(s.arenaMeetingLinks).values({ meetingId: meeting.id, goalId: goal.id });
	const list = (await new TestClient(app).get("/api/v1/arena-meetings")).json() as { id: string }[];
	assert.ok(list.some((m) => m.id === meeting.id));
	const one = await new TestClient(app).get(`/api/v1/arena-meetings/${meeting.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual(one.json(), {
		id: meeting.id,
		title: "Arena i API:t",
		focusAreaId: area.id,
		startsAt: "2019-03-12T17:00:00.000Z",
		endsAt: "2019-03-12T19:00:00.000Z",
		place: "Folkets hus",
		agenda: "",
		notes: "",
		organisationIds: [actor.id],
		goalIds: [goal.id],
		initiativeIds: [],
	});
	const doc = (await new TestClient(app).get("/api/v1/openapi.json")).json();
	assert.ok(doc.paths["/api/v1/arena-meetings"]?.get?.summary);
	assert.ok(doc.paths["/api/v1/arena-meetings/{id}"]?.get?.summary);
});
