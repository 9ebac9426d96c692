import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import * as s from "../../db/schema.js";
import { createProgramme, createUser, createWorkshop, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { foldLine } from "./workshops.ics.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { name: "Sam Samordnare", memberOf: { organisationId: coordinator.id, role: "admin" } });
const facilitator = await createUser(db, { name: "Fia Facilitator" });
const resident = await createUser(db);

async function clientFor(userId: string): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, userId);
	return client;
}

const validWorkshop = {
	title: "Framtidsverkstad i Kusfors",
	date: "2018-10-30",
	startTime: "18:00",
	endTime: "21.00",
	place: "Kusfors bygdegård; stora salen",
	locality: "Kusfors",
	description: "Vi pratar om bygdens framtid, bord för bord.",
	capacity: "25",
	registration: "named",
	facilitatorEmail: "",
};

test("a coordinator creates a workshop in Swedish time and names its facilitator; the public sees it", async () => {
	const client = await clientFor(coordinatorAdmin.id);
	const res = await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, facilitatorEmail: facilitator.email.toUpperCase() });
	assert.equal(res.statusCode, 303);
	const [stored] = await db.select().from(s.workshops).where(eq(s.workshops.title, validWorkshop.title));
	assert.ok(stored);
	// 30 October 2018 is after the change to winter time: 18:00 in Sweden is 17:00 UTC.
	assert.equal(stored.startsAt.toISOString(), "2018-10-30T17:00:00.000Z");
	assert.equal(stored.endsAt.toISOString(), "2018-10-30T20:00:00.000Z");
	assert.equal(stored.facilitatorId, facilitator.id);
	const list = await new TestClient(app).get("/framtidsverkstader");
	assert.equal(list.statusCode, 200);
	assert.match(list.body, /Framtidsverkstad i Kusfors/);
	const page = await new TestClient(app).get(`/framtidsverkstader/${stored.id}`);
	assert.match(page.body, /<h1>Framtidsverkstad i Kusfors<\/h1>/);
	assert.match(page.body, /30 oktober 2018 kl\. 18:00/);
	assert.match(page.body, /Vi sparar ditt namn och din e-postadress/);
});

test("bad workshop input keeps everything typed and says what is wrong", async () => {
	const client = await clientFor(coordinatorAdmin.id);
	const res = await client.post("/admin/framtidsverkstader/ny", {
		...validWorkshop,
		title: "",
		description: "x".repeat(5001),
		endTime: "17:00",
		capacity: "många",
		facilitatorEmail: "okand@example.se",
	});
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Fyll i fältet/);
	assert.match(res.body, /högst 5000 tecken/);
	assert.match(res.body, /Skriv ett heltal/);
	assert.match(res.body, /Sluttiden måste vara efter starttiden/);
	assert.match(res.body, /value="Kusfors bygdegård; stora salen"/);
	const unknown = await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, facilitatorEmail: "okand@example.se" });
	assert.equal(unknown.statusCode, 422);
	assert.match(unknown.body, /Ingen med den e-postadressen har loggat in/);
});

test("residents cannot administer workshops", async () => {
	const client = await clientFor(resident.id);
	assert.equal((await client.get("/admin/framtidsverkstader")).statusCode, 403);
	assert.equal((await client.post("/admin/framtidsverkstader/ny", validWorkshop)).statusCode, 403);
});

test("sign-up with name and e-mail; a full workshop says so and stores nothing more", async () => {
	const workshop = await createWorkshop(db, programme.id, { capacity: 1, registration: "named" });
	const client = new TestClient(app);
	const bad = await client.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Anna", email: "inte-en-adress" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Skriv en e-postadress/);
	assert.match(bad.body, /value="Anna"/);
	const ok = await client.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Anna", email: "anna@example.se" });
	assert.equal(ok.statusCode, 303);
	const full = await client.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Bo", email: "bo@example.se" });
	assert.equal(full.statusCode, 422);
	assert.match(full.body, /fullbokad/);
	assert.match(full.body, /value="Bo"/);
	const rows = await db.select().from(s.workshopRegistrations).where(eq(s.workshopRegistrations.workshopId, workshop.id));
	assert.deepEqual(
		rows.map((r) => r.email),
		["anna@example.se"],
	);
});

test("concurrent anonymous sign-ups never overfill a workshop", async () => {
	const workshop = await createWorkshop(db, programme.id, { capacity: 3, registration: "headcount" });
	const client = new TestClient(app);
	const _csrf = await client.csrfToken();
	const results = await Promise.all(Array.from({ length: 6 }, () => client.post(`/framtidsverkstader/${workshop.id}/anmalan`, { _csrf }, { csrf: false })));
	assert.equal(results.filter((r) => r.statusCode === 303).length, 3);
	const rows = await db.select().from(s.workshopRegistrations).where(eq(s.workshopRegistrations.workshopId, workshop.id));
	assert.equal(rows.length, 3);
	assert.ok(rows.every((r) => r.name === null && r.email === null));
});

test("the named facilitator enters notes one per line; they become inputs and keep who entered them", async () => {
	const workshop = await createWorkshop(db, programme.id, { facilitatorId: facilitator.id, locality: "Petiknäs" });
	const client = await clientFor(facilitator.id);
	const page = await client.get(`/framtidsverkstader/${workshop.id}/anteckningar`);
	assert.equal(page.statusCode, 200);
	const res = await client.post(`/framtidsverkstader/${workshop.id}/anteckningar`, {
		groupLabel: "Bord 1",
		question: "Vad är bra med bygden?",
		notes: "Närheten till naturen\n\n  Alla känner alla  \nSkotern",
	});
	assert.equal(res.statusCode, 303);
	assert.match(String(res.headers.location), /groupLabel=Bord\+1/);
	const next = await client.get(String(res.headers.location));
	assert.match(next.body, /value="Bord 1"/);
	assert.match(next.body, /inskriven av Fia Facilitator/);
	const notes = await db.select().from(s.workshopNotes).where(eq(s.workshopNotes.workshopId, workshop.id));
	assert.deepEqual(notes.map((n) => n.text).sort(), ["Alla känner alla", "Närheten till naturen", "Skotern"]);
	assert.ok(notes.every((n) => n.enteredBy === facilitator.id));
	const inputs = await db.select().from(s.inputs).where(eq(s.inputs.source, "workshop"));
	const mine = inputs.filter((i) => notes.some((n) => n.id === i.sourceId));
	assert.equal(mine.length, 3);
	assert.ok(mine.every((i) => i.locality === "Petiknäs" && i.occurredOn === "2018-10-02"));
	const publicPage = await new TestClient(app).get(`/framtidsverkstader/${workshop.id}`);
	assert.match(publicPage.body, /Bord 1: Vad är bra med bygden\?/);
	assert.match(publicPage.body, /Alla känner alla/);
});

test("bad notes and outcome input keep what was typed", async () => {
	const workshop = await createWorkshop(db, programme.id, { facilitatorId: facilitator.id });
	const client = await clientFor(facilitator.id);
	const notes = await client.post(`/framtidsverkstader/${workshop.id}/anteckningar`, { groupLabel: "", question: "Vad saknas?", notes: `Kort rad\n${"y".repeat(1001)}` });
	assert.equal(notes.statusCode, 422);
	assert.match(notes.body, /Fyll i fältet/);
	assert.match(notes.body, /högst 1000 tecken/);
	assert.match(notes.body, /Kort rad/);
	const outcome = await client.post(`/framtidsverkstader/${workshop.id}/resultat`, { headcount: "", localityCounts: "Norsjö: 12\nmånga från byn", ageBandCounts: "", summary: "Bra kväll" });
	assert.equal(outcome.statusCode, 422);
	assert.match(outcome.body, /Raden ”många från byn” går inte att läsa/);
	assert.match(outcome.body, /Bra kväll/);
	const saved = await client.post(`/framtidsverkstader/${workshop.id}/resultat`, { headcount: "23", localityCounts: "Norsjö: 12\nKusfors 11", ageBandCounts: "30–44: 5\n65+: 18", summary: "Bra kväll" });
	assert.equal(saved.statusCode, 303);
	const [stored] = await db.select().from(s.workshops).where(eq(s.workshops.id, workshop.id));
	assert.equal(stored!.headcount, 23);
	assert.deepEqual(stored!.localityCounts, { Norsjö: 12, Kusfors: 11 });
	assert.deepEqual(stored!.ageBandCounts, { "30–44": 5, "65+": 18 });
});

test("only the coordinator or the workshop's own facilitator may enter notes", async () => {
	const workshop = await createWorkshop(db, programme.id, { facilitatorId: facilitator.id });
	const other = await clientFor(resident.id);
	assert.equal((await other.get(`/framtidsverkstader/${workshop.id}/anteckningar`)).statusCode, 403);
	assert.equal((await other.post(`/framtidsverkstader/${workshop.id}/anteckningar`, { groupLabel: "A", question: "B", notes: "C" })).statusCode, 403);
	const anonymous = await new TestClient(app).get(`/framtidsverkstader/${workshop.id}/anteckningar`);
	assert.equal(anonymous.statusCode, 303);
	assert.match(String(anonymous.headers.location), /^\/sign-in/);
	const coordinatorClient = await clientFor(coordinatorAdmin.id);
	assert.equal((await coordinatorClient.get(`/framtidsverkstader/${workshop.id}/anteckningar`)).statusCode, 200);
});

test("the iCalendar feed parses with ical.js, with CRLF lines folded at 75 octets and escaped text", async () => {
	const workshop = await createWorkshop(db, programme.id, {
		title: "Framtidsverkstad, Norsjövallen; med fika och åäö-långa ord ".repeat(3).trim(),
		description: "Rad ett\nRad två, med komma",
	});
	const res = await new TestClient(app).get("/framtidsverkstader.ics");
	assert.equal(res.statusCode, 200);
	assert.match(String(res.headers["content-type"]), /^text\/calendar/);
	const lines = res.body.split("\r\n");
	assert.ok(!/[^\r]\n/.test(res.body), "every line ends in CRLF");
	assert.ok(lines.every((l) => Buffer.byteLength(l, "utf8") <= 75));
	const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
	const event = events.find((e) => e.uid === `workshop-${workshop.id}@medskapa`);
	assert.ok(event);
	assert.equal(event.summary, workshop.title);
	assert.equal(event.description, "Rad ett\nRad två, med komma");
	assert.equal(event.startDate.toJSDate().toISOString(), "2018-10-02T16:00:00.000Z");
	assert.equal(event.endDate.toJSDate().toISOString(), "2018-10-02T19:00:00.000Z");
	assert.ok(event.component.getFirstPropertyValue("dtstamp"));
});

test("folding never splits a character", () => {
	const folded = foldLine(`SUMMARY:${"å".repeat(100)}`);
	for (const line of folded.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75);
	assert.equal(folded.replace(/\r\n /g, ""), `SUMMARY:${"å".repeat(100)}`);
});
