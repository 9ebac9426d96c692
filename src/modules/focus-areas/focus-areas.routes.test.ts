import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createArenaMeeting, createFocusArea, createGoal, createIndicator, createInitiative, createOrganisation, createProgramme, createUser, signedInCoordinator, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);

async function areasNamed(name: string) {
	return db.select().from(s.focusAreas).where(eq(s.focusAreas.name, name));
}

async function actorsOf(focusAreaId: string): Promise<string[]> {
	const rows = await db.select().from(s.focusAreaActors).where(eq(s.focusAreaActors.focusAreaId, focusAreaId));
	return rows.map((r) => r.organisationId).sort();
}

test("the focus areas page lists the areas in order with who works in each, in Swedish and English", async () => {
	const kommun = await createOrganisation(db, { name: "Testkommunen" });
	const forening = await createOrganisation(db, { name: "Byaföreningen" });
	const second = await createFocusArea(db, programme.id, { position: 20, name: "En trygg bygd", description: "Trygghet i vardagen.", organisationIds: [kommun.id, forening.id] });
	const first = await createFocusArea(db, programme.id, { position: 10, name: "Vår miljö", description: "Natur och klimat.", organisationIds: [kommun.id] });
	const client = new TestClient(app);

	const sv = await client.get("/fokusomraden");
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h1>Fokusområden<\/h1>/);
	assert.ok(sv.body.indexOf("Vår miljö") < sv.body.indexOf("En trygg bygd"), "areas are in position order");
	assert.ok(sv.body.includes(`<a href="/fokusomraden/${first.id}">Vår miljö</a>`));
	assert.ok(sv.body.includes(`<a href="/fokusomraden/${second.id}">En trygg bygd</a>`));
	assert.match(sv.body, /Natur och klimat\./);
	assert.match(sv.body, /1 organisation arbetar inom området: Testkommunen/);
	assert.match(sv.body, /2 organisationer arbetar inom området: Byaföreningen, Testkommunen/);

	client.cookies.set("lang", "en");
	const en = await client.get("/fokusomraden");
	assert.match(en.body, /<h1>Focus areas<\/h1>/);
	assert.match(en.body, /2 organisations work in this area: Byaföreningen, Testkommunen/);
});

test("a focus area's page shows its description and links to the organisations working in it", async () => {
	const actor = await createOrganisation(db, { name: "Skidklubben" });
	const area = await createFocusArea(db, programme.id, { name: "En rik och attraktiv fritid", description: "Friluftsliv.\n\nKultur och idrott.", organisationIds: [actor.id] });
	const client = new TestClient(app);

	const sv = await client.get(`/fokusomraden/${area.id}`);
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h1>En rik och attraktiv fritid<\/h1>/);
	assert.match(sv.body, /<p>Friluftsliv\.<\/p><p>Kultur och idrott\.<\/p>/);
	assert.match(sv.body, /<h2>Organisationer som arbetar inom området<\/h2>/);
	assert.ok(sv.body.includes(`<a href="/aktorer/${actor.id}">Skidklubben</a>`));

	client.cookies.set("lang", "en");
	const en = await client.get(`/fokusomraden/${area.id}`);
	assert.match(en.body, /<h2>Organisations working in this area<\/h2>/);
	assert.match(en.body, /1 organisation works in this area/);
});

test("a focus area's page shows every actor's goals grouped by organisation with their status as text, the indicators and the upcoming arena meetings", async () => {
	const kommun = await createOrganisation(db, { name: "Kommunen" });
	const klubben = await createOrganisation(db, { name: "Alpina klubben" });
	const pending = await createOrganisation(db, { name: "Väntande föreningen", status: "pending" });
	const area = await createFocusArea(db, programme.id, { name: "Miljö och klimat", organisationIds: [kommun.id, klubben.id, pending.id] });
	const other = await createFocusArea(db, programme.id, { name: "Annat område" });
	await createGoal(db, programme.id, area.id, { organisationId: kommun.id, title: "Minska utsläppen", status: "on_track" });
	await createGoal(db, programme.id, area.id, { organisationId: kommun.id, title: "Fler laddplatser", status: "at_risk" });
	await createGoal(db, programme.id, area.id, { organisationId: klubben.id, title: "Städa fjällen", status: "achieved" });
	await createGoal(db, programme.id, area.id, { organisationId: pending.id, title: "Hemligt mål" });
	await createGoal(db, programme.id, other.id, { organisationId: klubben.id, title: "Mål i annat område" });
	const initiative = await createInitiative(db, programme.id, area.id, { title: "Gemensam återvinning", ownerIds: [kommun.id, klubben.id] });
	await createGoal(db, programme.id, area.id, { initiativeId: initiative.id, title: "Återvinna mer" });
	await createIndicator(db, programme.id, { title: "Andel återvunnet avfall", unit: "procent", koladaKpi: "U07801", focusAreaIds: [area.id] });
	await createArenaMeeting(db, programme.id, area.id, {
		title: "Miljöarenan",
		startsAt: new Date(Date.now() + 7 * 86_400_000),
		endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000),
	});
	await createArenaMeeting(db, programme.id, area.id, { title: "Gammal träff" });
	const client = new TestClient(app);

	const sv = await client.get(`/fokusomraden/${area.id}`);
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h2 id="focus-area-goals">Aktörernas mål inom området<\/h2>/);
	const at = (text: string) => sv.body.indexOf(text);
	assert.ok(sv.body.includes(`<h3><a href="/aktorer/${klubben.id}">Alpina klubben</a></h3>`));
	assert.ok(at("Alpina klubben</a></h3>") < at("Städa fjällen") && at("Städa fjällen") < at("Kommunen</a></h3>"), "goals sit under their organisation, by name");
	assert.ok(at("Kommunen</a></h3>") < at("Fler laddplatser") && at("Fler laddplatser") < at("Minska utsläppen"));
	assert.ok(at("Minska utsläppen") < at("Gemensam återvinning</a></h3>"), "joint initiatives' goals come after the organisations'");
	assert.match(sv.body, /<caption>Mål för Kommunen inom området<\/caption>/);
	assert.match(sv.body, /Minska utsläppen<\/a><\/th><td>[^<]*<\/td><td><span class="goal-status goal-status-on_track"><span aria-hidden="true">[^<]*<\/span> Enligt plan/);
	assert.match(sv.body, /Fler laddplatser<\/a>.*?Risk för avvikelse/);
	assert.match(sv.body, /Städa fjällen<\/a>.*?Uppnått/);
	assert.doesNotMatch(sv.body, /Hemligt mål|Väntande föreningen/, "an organisation awaiting approval is not shown");
	assert.doesNotMatch(sv.body, /Mål i annat område/);
	assert.match(sv.body, /<h2 id="focus-area-initiatives">Gemensamma initiativ inom området<\/h2>/);
	assert.ok(sv.body.includes(`<a href="/initiativ/${initiative.id}">Gemensam återvinning</a>`));
	assert.match(sv.body, /Andel återvunnet avfall \(procent\)/);
	assert.match(sv.body, /Kolada U07801/);
	assert.match(sv.body, /Miljöarenan/);
	assert.doesNotMatch(sv.body, /Gammal träff/, "only upcoming meetings");

	client.cookies.set("lang", "en");
	const en = await client.get(`/fokusomraden/${area.id}`);
	assert.match(en.body, /The actors' goals in this area/);
	assert.match(en.body, /On track|on track/i);

	const empty = await createFocusArea(db, programme.id, { name: "Tomt område" });
	const none = await client.get(`/fokusomraden/${empty.id}`);
	assert.match(none.body, /No goals have been set in this area yet\./);
	assert.match(none.body, /No indicators are followed up in this area yet\./);
	assert.match(none.body, /No arena meetings are planned in this area\./);
});

test("an unknown or malformed focus area id is not found", async () => {
	for (const id of [randomUUID(), "not-a-uuid", "1", "%27%3B--"]) {
		const res = await new TestClient(app).get(`/fokusomraden/${id}`);
		assert.equal(res.statusCode, 404, id);
		assert.match(res.body, /<h1>Sidan finns inte<\/h1>/);
	}
});

test("the coordinator creates a focus area with the organisations working in it", async () => {
	const a = await createOrganisation(db, { name: "Alfa AB" });
	const b = await createOrganisation(db, { name: "Beta ek. för." });
	const client = await signedInCoordinator(app, db, coordinator.id);

	const list = await client.get("/admin/focus-areas");
	assert.equal(list.statusCode, 200);
	assert.match(list.body, /<caption>Programmets fokusområden i ordning<\/caption>/);
	const form = await client.get("/admin/focus-areas/new");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Nytt fokusområde<\/h1>/);
	assert.match(form.body, /<legend>Organisationer som arbetar inom området/);
	assert.ok(form.body.includes(`value="${a.id}"`));

	const body = new URLSearchParams({ name: "  Hög service  ", position: "3", description: "Bra bemötande." });
	body.append("organisations", a.id);
	body.append("organisations", b.id);
	const res = await client.post("/admin/focus-areas/new", body);
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/focus-areas");
	const [stored] = await areasNamed("Hög service");
	assert.equal(stored?.position, 3);
	assert.equal(stored?.description, "Bra bemötande.");
	assert.equal(stored?.programmeId, programme.id);
	assert.deepEqual(await actorsOf(stored!.id), [a.id, b.id].sort());

	const after = await client.get("/admin/focus-areas");
	assert.match(after.body, /Fokusområdet är skapat\./);
	assert.ok(after.body.includes(`<a href="/admin/focus-areas/${stored!.id}/edit">Hög service</a>`));
});

test("the coordinator changes a focus area and who works in it", async () => {
	const stays = await createOrganisation(db, { name: "Stannar kvar" });
	const leaves = await createOrganisation(db, { name: "Lämnar" });
	const joins = await createOrganisation(db, { name: "Tillkommer" });
	const area = await createFocusArea(db, programme.id, { name: "Gammalt namn", position: 5, organisationIds: [stays.id, leaves.id] });
	const client = await signedInCoordinator(app, db, coordinator.id);

	const form = await client.get(`/admin/focus-areas/${area.id}/edit`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Ändra fokusområdet Gammalt namn<\/h1>/);
	assert.match(form.body, new RegExp(`value="${stays.id}" checked`));
	assert.doesNotMatch(form.body, new RegExp(`value="${joins.id}" checked`));

	const body = new URLSearchParams({ name: "Nytt namn", position: "6", description: "Ny text." });
	body.append("organisations", stays.id);
	body.append("organisations", joins.id);
	const res = await client.post(`/admin/focus-areas/${area.id}/edit`, body);
	assert.equal(res.statusCode, 303);
	assert.equal(flashMessage((await client.get("/admin/focus-areas")).body), "Fokusområdet är ändrat.");
	const [stored] = await areasNamed("Nytt namn");
	assert.equal(stored?.id, area.id);
	assert.equal(stored?.position, 6);
	assert.deepEqual(await actorsOf(area.id), [stays.id, joins.id].sort());

	const none = await client.post(`/admin/focus-areas/${area.id}/edit`, new URLSearchParams({ name: "Nytt namn", position: "6" }));
	assert.equal(none.statusCode, 303);
	assert.deepEqual(await actorsOf(area.id), []);
});

test("bad focus area input is shown with its message, keeps what was typed and stores nothing", async () => {
	const chosen = await createOrganisation(db, { name: "Vald organisation" });
	await createFocusArea(db, programme.id, { name: "Upptaget namn" });
	const client = await signedInCoordinator(app, db, coordinator.id);
	const cases: { form: Record<string, string>; organisations?: string[]; message: RegExp; kept: RegExp }[] = [
		{ form: { name: "", position: "1", description: "Text kvar" }, message: /Namn: Fyll i fältet\./, kept: />Text kvar<\/textarea>/ },
		{ form: { name: "x".repeat(201), position: "1" }, message: /Texten får vara högst 200 tecken\./, kept: new RegExp(`value="${"x".repeat(201)}"`) },
		{ form: { name: "Ordning fel", position: "tre" }, message: /Ordning: Skriv ett heltal\./, kept: /value="Ordning fel"/ },
		{ form: { name: "Ordning noll", position: "0" }, message: /Skriv ett tal mellan 1 och 999\./, kept: /value="Ordning noll"/ },
		{ form: { name: "Upptaget namn", position: "2", description: "Behålls" }, message: /Namn: Det namnet används redan\./, kept: />Behålls<\/textarea>/ },
		{ form: { name: "Okänd aktör", position: "2" }, organisations: [randomUUID()], message: /Organisationen finns inte\./, kept: /value="Okänd aktör"/ },
		{ form: { name: "Trasigt id", position: "2" }, organisations: ["inte-ett-id"], message: /Organisationen finns inte\./, kept: /value="Trasigt id"/ },
	];
	for (const c of cases) {
		const body = new URLSearchParams(c.form);
		body.append("organisations", chosen.id);
		for (const o of c.organisations ?? []) body.append("organisations", o);
		const res = await client.post("/admin/focus-areas/new", body);
		assert.equal(res.statusCode, 422, c.form.name);
		assert.match(res.body, /Det finns fel i formuläret/);
		assert.match(res.body, c.message);
		assert.match(res.body, c.kept);
		assert.match(res.body, new RegExp(`value="${chosen.id}" checked`), "chosen organisations stay checked");
		if (c.form.name !== "Upptaget namn") assert.equal((await areasNamed(c.form.name ?? "")).length, 0, `${c.form.name} not stored`);
	}
	assert.equal((await areasNamed("Upptaget namn")).length, 1);
});

test("renaming a focus area to a taken name is refused and changes nothing", async () => {
	await createFocusArea(db, programme.id, { name: "Finns redan" });
	const area = await createFocusArea(db, programme.id, { name: "Ska döpas om" });
	const client = await signedInCoordinator(app, db, coordinator.id);
	const res = await client.post(`/admin/focus-areas/${area.id}/edit`, new URLSearchParams({ name: "Finns redan", position: "1" }));
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Det namnet används redan\./);
	assert.equal((await areasNamed("Ska döpas om")).length, 1);
});

test("only a coordinator or administrator may administer focus areas", async () => {
	const area = await createFocusArea(db, programme.id);
	const other = await createOrganisation(db);
	const resident = new TestClient(app);
	await signInAs(resident, db, (await createUser(db)).id);
	const otherAdmin = new TestClient(app);
	await signInAs(otherAdmin, db, (await createUser(db, { memberOf: { organisationId: other.id, role: "admin" } })).id);
	const administrator = new TestClient(app);
	await signInAs(administrator, db, (await createUser(db, { isAdministrator: true })).id);

	for (const client of [resident, otherAdmin]) {
		for (const url of ["/admin/focus-areas", "/admin/focus-areas/new", `/admin/focus-areas/${area.id}/edit`]) {
			assert.equal((await client.get(url)).statusCode, 403, url);
		}
		const created = await client.post("/admin/focus-areas/new", { name: "Otillåtet", position: "1" });
		assert.equal(created.statusCode, 403);
		const bad = await client.post("/admin/focus-areas/new", { name: "", position: "x" });
		assert.equal(bad.statusCode, 403, "no form errors before the permission check");
		const changed = await client.post(`/admin/focus-areas/${area.id}/edit`, { name: "Otillåtet", position: "1" });
		assert.equal(changed.statusCode, 403);
	}
	assert.equal((await areasNamed("Otillåtet")).length, 0);
	assert.equal((await administrator.get("/admin/focus-areas")).statusCode, 200);

	const anonymous = await new TestClient(app).get("/admin/focus-areas/new");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin%2Ffocus-areas%2Fnew");
});

test("editing an unknown or malformed focus area is not found", async () => {
	const client = await signedInCoordinator(app, db, coordinator.id);
	for (const id of [randomUUID(), "nope"]) {
		assert.equal((await client.get(`/admin/focus-areas/${id}/edit`)).statusCode, 404);
		assert.equal((await client.post(`/admin/focus-areas/${id}/edit`, { name: "X", position: "1" })).statusCode, 404);
	}
});

test("the API lists focus areas and gives one by id, with stable ids and camelCase fields", async () => {
	const actor = await createOrganisation(db, { name: "API-aktören" });
	const area = await createFocusArea(db, programme.id, { name: "API-området", position: 900, description: "Beskrivet.", organisationIds: [actor.id] });
	const client = new TestClient(app);

	const list = await client.get("/api/v1/focus-areas");
	assert.equal(list.statusCode, 200);
	assert.match(String(list.headers["content-type"]), /application\/json/);
	const found = (list.json() as { id: string }[]).find((a) => a.id === area.id);
	const expected = { id: area.id, position: 900, name: "API-området", description: "Beskrivet.", organisations: [{ id: actor.id, name: "API-aktören" }] };
	assert.deepEqual(found, expected);

	const one = await client.get(`/api/v1/focus-areas/${area.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual(one.json(), expected);

	const unknown = await client.get(`/api/v1/focus-areas/${randomUUID()}`);
	assert.equal(unknown.statusCode, 404);
	assert.equal(unknown.json().error.status, 404);
	assert.equal((await client.get("/api/v1/focus-areas/not-a-uuid")).statusCode, 400);
});

