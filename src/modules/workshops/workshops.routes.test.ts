import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import * as s from "../../schema.js";
import { createProgramme, createUser, createWorkshop, signInAs } from "../../../test/factories.js";
import { testApp, TestClient, testedOn } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { applyRegistrationRetention } from "./index.js";
import { foldLine } from "../../lib/ics.js";

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

/** A workshop a month ahead, which still takes sign-ups. */
const upcoming = () => ({ startsAt: new Date(Date.now() + 30 * 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000 + 3 * 3_600_000) });

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
	// Held in 2018, so its sign-up is closed.
	assert.match(page.body, /Anmälan är stängd: framtidsverkstaden ägde rum 30 oktober 2018/);
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
	const workshop = await createWorkshop(db, programme.id, { ...upcoming(), capacity: 1, registration: "named" });
	const client = new TestClient(app);
	const bad = await client.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Anna", email: "inte-en-adress" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Skriv en e-postadress/);
	assert.match(bad.body, /value="Anna"/);
	assert.match(bad.body, /Vi sparar ditt namn och din e-postadress/);
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

test(`concurrent anonymous sign-ups never overfill a workshop (on ${testedOn})`, async () => {
	const workshop = await createWorkshop(db, programme.id, { ...upcoming(), capacity: 3, registration: "headcount" });
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
	assert.equal(flashMessage((await client.get(String(saved.headers.location))).body), "Deltagarna och sammanfattningen är sparade.");
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

test("the locality is chosen from the programme's list, or 'other' with its name typed; forged and missing choices are refused", async () => {
	const client = await clientFor(coordinatorAdmin.id);
	const form = await client.get("/admin/framtidsverkstader/ny");
	for (const locality of ["Norsjö", "Bastuträsk", "Kusfors", "Petiknäs", "Petikträsk", "Norsjövallen", "Annan ort"]) {
		assert.match(form.body, new RegExp(`<option value="[^"]*"[^>]*>${locality}</option>`));
	}
	const noName = await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, title: "Utan ortnamn", locality: "other", otherLocality: " " });
	assert.equal(noName.statusCode, 422);
	assert.match(noName.body, /Annan ort: vilken\?: Skriv vilken ort, eller välj en ort i listan\./);
	assert.match(noName.body, /value="Utan ortnamn"/);
	const forged = await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, title: "Påhittad ort", locality: "Atlantis" });
	assert.equal(forged.statusCode, 422);
	assert.match(forged.body, /Välj ett av alternativen/);
	const tooLong = await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, locality: "other", otherLocality: "x".repeat(101) });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /högst 100 tecken/);

	assert.equal((await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, title: "Verkstad i Sävar", locality: "other", otherLocality: "Sävar" })).statusCode, 303);
	assert.equal((await client.post("/admin/framtidsverkstader/ny", { ...validWorkshop, title: "Verkstad med listad ort", locality: "other", otherLocality: "petikträsk" })).statusCode, 303);
	const stored = await db.select().from(s.workshops);
	const savar = stored.find((w) => w.title === "Verkstad i Sävar")!;
	assert.equal(savar.locality, "Sävar");
	assert.equal(stored.find((w) => w.title === "Verkstad med listad ort")?.locality, "Petikträsk");
	const edit = await client.get(`/admin/framtidsverkstader/${savar.id}`);
	assert.match(edit.body, /<option value="other" selected[^>]*>Annan ort<\/option>/);
	assert.match(edit.body, /name="otherLocality" type="text" value="Sävar"/);
	assert.equal((await client.post(`/admin/framtidsverkstader/${savar.id}`, { ...validWorkshop, title: savar.title, locality: "Norsjö", otherLocality: "Sävar" })).statusCode, 303);
	const [moved] = await db.select().from(s.workshops).where(eq(s.workshops.id, savar.id));
	assert.equal(moved!.locality, "Norsjö");
});

test("the facilitator and the coordinator see who signed up and download the list as .xlsx or CSV; others may not", async () => {
	const workshop = await createWorkshop(db, programme.id, { ...upcoming(), title: "Verkstad med anmälan", registration: "named", facilitatorId: facilitator.id, capacity: 10 });
	const visitor = new TestClient(app);
	assert.equal((await visitor.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "Anna Andersson", email: "Anna@Example.se" })).statusCode, 303);
	assert.equal((await visitor.post(`/framtidsverkstader/${workshop.id}/anmalan`, { name: "=Bo; Berg", email: "bo@example.se" })).statusCode, 303);
	// Then the workshop is held, on the factory's day.
	await db.update(s.workshops).set({ startsAt: new Date("2018-10-02T16:00:00Z"), endsAt: new Date("2018-10-02T19:00:00Z") }).where(eq(s.workshops.id, workshop.id));

	const facilitatorClient = await clientFor(facilitator.id);
	const page = await facilitatorClient.get(`/framtidsverkstader/${workshop.id}/anmalda`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Anmälda till Verkstad med anmälan<\/h1>/);
	assert.match(page.body, /2 anmälda av 10 platser/);
	assert.match(page.body, /<td>Anna Andersson<\/td>\s*<td>anna@example\.se<\/td>/);
	// The workshop (factory) ended on 2 October 2018 at 21:00 summer time; 30 days later it is 20:00 winter time.
	assert.match(page.body, /togs bort 1 november 2018 kl\. 20:00, 30 dagar efter verkstaden/);
	assert.match((await facilitatorClient.get(`/framtidsverkstader/${workshop.id}/anteckningar`)).body, /Se vilka som har anmält sig/);

	const csv = await facilitatorClient.get(`/framtidsverkstader/${workshop.id}/anmalda.csv?sep=semicolon`);
	assert.equal(csv.statusCode, 200);
	assert.match(String(csv.headers["content-type"]), /^text\/csv; charset=utf-8/);
	assert.equal(csv.headers["cache-control"], "no-store");
	assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
	const lines = csv.body.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
	assert.equal(lines[0], "Nr;Namn;E-postadress;Anmäld");
	assert.match(lines[1]!, /^1;Anna Andersson;anna@example\.se;\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
	assert.match(lines[2]!, /^2;"'=Bo; Berg";bo@example\.se;/);
	assert.match(page.body, /Excel \(\.xlsx\)/);
	const xlsx = await facilitatorClient.get(`/framtidsverkstader/${workshop.id}/anmalda.xlsx`);
	assert.equal(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert.equal(xlsx.headers["cache-control"], "no-store");
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
	const sheet = book.getWorksheet("Anmälda")!;
	assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ["Nr", "Namn", "E-postadress", "Anmäld"]);
	assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1, 4), [2, "=Bo; Berg", "bo@example.se"], "a name is text, never a formula");

	assert.equal((await (await clientFor(coordinatorAdmin.id)).get(`/framtidsverkstader/${workshop.id}/anmalda`)).statusCode, 200);
	const other = await clientFor(resident.id);
	assert.equal((await other.get(`/framtidsverkstader/${workshop.id}/anmalda`)).statusCode, 403);
	assert.equal((await other.get(`/framtidsverkstader/${workshop.id}/anmalda.csv`)).statusCode, 403);
	assert.equal((await other.get(`/framtidsverkstader/${workshop.id}/anmalda.xlsx`)).statusCode, 403);
	assert.equal((await visitor.get(`/framtidsverkstader/${workshop.id}/anmalda.csv`)).statusCode, 303);
	assert.equal((await facilitatorClient.get("/framtidsverkstader/inte-ett-id/anmalda")).statusCode, 404);
});

test("retention deletes sign-ups' names and e-mails 30 days after the workshop and keeps the number signed up", async () => {
	const ended = await createWorkshop(db, programme.id, { registration: "named", startsAt: new Date("2030-05-01T16:00:00Z"), endsAt: new Date("2030-05-01T19:00:00Z") });
	const recent = await createWorkshop(db, programme.id, { registration: "named", startsAt: new Date("2030-05-20T16:00:00Z"), endsAt: new Date("2030-05-20T19:00:00Z") });
	await db.insert(s.workshopRegistrations).values([
		{ workshopId: ended.id, name: "Cilla", email: "cilla@example.se" },
		{ workshopId: ended.id, name: "Dan", email: "dan@example.se" },
		{ workshopId: recent.id, name: "Eva", email: "eva@example.se" },
	]);
	const form = await (await clientFor(coordinatorAdmin.id)).get(`/admin/framtidsverkstader/${ended.id}`);
	assert.match(form.body, /namn och e-postadresser bort automatiskt 30 dagar efter verkstaden/);

	// 5 June 2030: the first workshop ended 35 days ago, the second 16 days ago.
	assert.ok((await applyRegistrationRetention(db, new Date("2030-06-05T12:00:00Z"))) >= 2);
	const rows = await db.select().from(s.workshopRegistrations);
	const ofEnded = rows.filter((r) => r.workshopId === ended.id);
	assert.equal(ofEnded.length, 2);
	assert.ok(ofEnded.every((r) => r.name === null && r.email === null));
	assert.deepEqual(
		rows.filter((r) => r.workshopId === recent.id).map((r) => r.email),
		["eva@example.se"],
	);
	const list = await (await clientFor(coordinatorAdmin.id)).get("/admin/framtidsverkstader");
	assert.match(list.body, new RegExp(`href="/framtidsverkstader/${ended.id}/anmalda">2 / 30<`));
	assert.equal(await applyRegistrationRetention(db, new Date("2030-06-05T12:00:00Z")), 0);
});

test("sign-up closes once the workshop has taken place: the page says so and the route refuses, storing nothing", async () => {
	const held = await createWorkshop(db, programme.id, { registration: "named", capacity: 30 });
	const visitor = new TestClient(app);
	const page = await visitor.get(`/framtidsverkstader/${held.id}`);
	assert.match(page.body, /Anmälan är stängd: framtidsverkstaden ägde rum 2 oktober 2018/);
	assert.doesNotMatch(page.body, /action="\/framtidsverkstader\/[^"]+\/anmalan"/, "no sign-up form");
	const refused = await visitor.post(`/framtidsverkstader/${held.id}/anmalan`, { name: "Anna", email: "anna@example.se" });
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Anmälan är stängd eftersom framtidsverkstaden redan har ägt rum/);
	assert.equal((await db.select().from(s.workshopRegistrations).where(eq(s.workshopRegistrations.workshopId, held.id))).length, 0);
});

test("whoever entered a note (or the coordinator) corrects it with its history kept, or withdraws it after confirming; others may not", async () => {
	const workshop = await createWorkshop(db, programme.id, { facilitatorId: facilitator.id, locality: "Bastuträsk" });
	const author = await clientFor(facilitator.id);
	await author.post(`/framtidsverkstader/${workshop.id}/anteckningar`, { groupLabel: "Bord 2", question: "Vad saknas?", notes: "Bussar på kvällen\nEn badplats" });
	const notes = await db.select().from(s.workshopNotes).where(eq(s.workshopNotes.workshopId, workshop.id));
	const bus = notes.find((n) => n.text === "Bussar på kvällen")!;
	const bath = notes.find((n) => n.text === "En badplats")!;
	const url = `/framtidsverkstader/${workshop.id}/anteckningar/${bus.id}`;

	for (const other of [await clientFor(resident.id), new TestClient(app)]) {
		const res = await other.post(url, { text: "Kapat" });
		assert.ok([401, 403].includes(res.statusCode) || String(res.headers.location).startsWith("/sign-in"), String(res.statusCode));
	}
	const empty = await author.post(url, { text: "" });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet/);

	assert.equal((await author.post(url, { text: "Bussar på kvällar och helger" })).statusCode, 303);
	const coordinatorClient = await clientFor(coordinatorAdmin.id);
	assert.equal((await coordinatorClient.post(url, { text: "Bussar kvällar och helger" })).statusCode, 303);
	const page = await author.get(url);
	assert.equal(flashMessage(page.body), "Anteckningen är rättad.");
	assert.match(page.body, /<textarea[^>]*name="text"[^>]*>Bussar kvällar och helger<\/textarea>/);
	assert.match(page.body, /Tidigare lydelser[\s\S]*Bussar på kvällen[\s\S]*sparad av Fia Facilitator[\s\S]*Bussar på kvällar och helger[\s\S]*sparad av Fia Facilitator/);
	const [input] = await db.select().from(s.inputs).where(eq(s.inputs.sourceId, bus.id));
	assert.equal(input!.text, "Bussar kvällar och helger", "the input follows the correction");

	const withdrawUrl = `/framtidsverkstader/${workshop.id}/anteckningar/${bath.id}/aterkalla`;
	const unconfirmed = await author.post(withdrawUrl, {});
	assert.equal(unconfirmed.statusCode, 422);
	assert.match(unconfirmed.body, /Kryssa i rutan för att bekräfta/);
	assert.equal((await db.select().from(s.workshopNotes).where(eq(s.workshopNotes.id, bath.id)))[0]!.withdrawnAt, null);
	assert.equal((await author.post(withdrawUrl, { confirm: "on" })).statusCode, 303);
	const publicPage = await new TestClient(app).get(`/framtidsverkstader/${workshop.id}`);
	assert.doesNotMatch(publicPage.body, /En badplats/, "a withdrawn note leaves the public page");
	assert.match(publicPage.body, /Bussar kvällar och helger/);
	const [hidden] = await db.select().from(s.inputs).where(eq(s.inputs.sourceId, bath.id));
	assert.equal(hidden!.hidden, true, "its input is hidden");
	const correctWithdrawn = await author.post(`/framtidsverkstader/${workshop.id}/anteckningar/${bath.id}`, { text: "Igen" });
	assert.equal(correctWithdrawn.statusCode, 422);
	assert.match(correctWithdrawn.body, /återkallad och kan inte rättas/);
});
