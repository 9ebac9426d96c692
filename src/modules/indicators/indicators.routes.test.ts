import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createFocusArea, createIndicator, createOrganisation, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../db/schema.js";
import { indicatorChoices, indicatorsInFocusArea } from "./index.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const environment = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 1 });
const safety = await createFocusArea(db, programme.id, { name: "En trygg bygd", position: 2 });

async function clientFor(values: Parameters<typeof createUser>[1] = {}): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, (await createUser(db, values)).id);
	return client;
}

const coordinatorClient = () => clientFor({ memberOf: { organisationId: coordinator.id, role: "admin" } });

async function indicatorsTitled(title: string) {
	return db.select().from(s.indicators).where(eq(s.indicators.title, title));
}

async function areasOf(indicatorId: string): Promise<string[]> {
	const rows = await db.select().from(s.focusAreaIndicators).where(eq(s.focusAreaIndicators.indicatorId, indicatorId));
	return rows.map((r) => r.focusAreaId).sort();
}

test("the coordinator adds an indicator with a Kolada id and the focus areas that follow it, then changes it", async () => {
	const client = await coordinatorClient();
	const dashboard = await client.get("/admin");
	assert.ok(dashboard.body.includes('href="/admin/indikatorer"'), "a section of the administration");
	const form = await client.get("/admin/indikatorer/ny");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Ny indikator<\/h1>/);
	assert.match(form.body, /<legend>Fokusområden som följer indikatorn/);

	const body = new URLSearchParams({ title: "  Invånare totalt  ", unit: "antal", description: "Folkmängd 31 dec.", koladaKpi: "n01951" });
	body.append("focusAreaIds", environment.id);
	body.append("focusAreaIds", safety.id);
	const res = await client.post("/admin/indikatorer/ny", body);
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/indikatorer");
	const [stored] = await indicatorsTitled("Invånare totalt");
	assert.deepEqual([stored!.unit, stored!.koladaKpi, stored!.programmeId], ["antal", "N01951", programme.id]);
	assert.deepEqual(await areasOf(stored!.id), [environment.id, safety.id].sort());

	const list = await client.get("/admin/indikatorer");
	assert.match(list.body, /<caption>Programmets indikatorer med enhet, Kolada-id och fokusområden<\/caption>/);
	assert.ok(list.body.includes(`<a href="/admin/indikatorer/${stored!.id}/andra">Invånare totalt</a>`));
	assert.match(list.body, /<td>N01951<\/td><td>Vår miljö, En trygg bygd<\/td>/);

	const edit = await client.get(`/admin/indikatorer/${stored!.id}/andra`);
	assert.match(edit.body, /<h1>Ändra indikatorn Invånare totalt<\/h1>/);
	assert.match(edit.body, new RegExp(`value="${safety.id}" checked`));
	const changed = new URLSearchParams({ title: "Invånare", unit: "antal", koladaKpi: "" });
	changed.append("focusAreaIds", safety.id);
	assert.equal((await client.post(`/admin/indikatorer/${stored!.id}/andra`, changed)).statusCode, 303);
	const [after] = await db.select().from(s.indicators).where(eq(s.indicators.id, stored!.id));
	assert.deepEqual([after!.title, after!.koladaKpi], ["Invånare", null]);
	assert.deepEqual(await areasOf(stored!.id), [safety.id]);
});

test("bad indicator input is shown with its message, keeps what was typed and stores nothing", async () => {
	await createIndicator(db, programme.id, { title: "Upptagen indikator" });
	const client = await coordinatorClient();
	const cases: { form: Record<string, string>; areas?: string[]; message: RegExp }[] = [
		{ form: { title: "", description: "Kvar" }, message: /Namn: Fyll i fältet\./ },
		{ form: { title: "Fel KPI", koladaKpi: "X1234", description: "Kvar" }, message: /Kolada-id \(KPI\): Skriv ett Kolada-id som N eller U följt av fem siffror/ },
		{ form: { title: "Fel KPI 2", koladaKpi: "N019510", description: "Kvar" }, message: /Skriv ett Kolada-id/ },
		{ form: { title: "Upptagen indikator", description: "Kvar" }, message: /Namn: Det namnet används redan\./ },
		{ form: { title: "Okänt område", description: "Kvar" }, areas: [randomUUID()], message: /Fokusområdet finns inte\./ },
		{ form: { title: "Trasigt område", description: "Kvar" }, areas: ["inte-ett-id"], message: /Fokusområdet finns inte\./ },
	];
	for (const c of cases) {
		const body = new URLSearchParams(c.form);
		body.append("focusAreaIds", environment.id);
		for (const a of c.areas ?? []) body.append("focusAreaIds", a);
		const res = await client.post("/admin/indikatorer/ny", body);
		assert.equal(res.statusCode, 422, c.form.title);
		assert.match(res.body, c.message);
		assert.match(res.body, />Kvar<\/textarea>/);
		assert.match(res.body, new RegExp(`value="${environment.id}" checked`), "chosen areas stay checked");
		if (c.form.koladaKpi) assert.ok(res.body.includes(`value="${c.form.koladaKpi}"`));
		if (c.form.title && c.form.title !== "Upptagen indikator") assert.equal((await indicatorsTitled(c.form.title)).length, 0);
	}
});

test("only the coordinator (or the administrator) administers indicators", async () => {
	const indicator = await createIndicator(db, programme.id);
	const member = await clientFor({ memberOf: { organisationId: (await createOrganisation(db)).id, role: "admin" } });
	const resident = await clientFor();
	for (const client of [member, resident]) {
		for (const url of ["/admin/indikatorer", "/admin/indikatorer/ny", `/admin/indikatorer/${indicator.id}/andra`]) assert.equal((await client.get(url)).statusCode, 403, url);
		assert.equal((await client.post("/admin/indikatorer/ny", { title: "Otillåten" })).statusCode, 403);
		assert.equal((await client.post(`/admin/indikatorer/${indicator.id}/andra`, { title: "Otillåten" })).statusCode, 403);
	}
	assert.equal((await indicatorsTitled("Otillåten")).length, 0);
	const anonymous = await new TestClient(app).get("/admin/indikatorer");
	assert.equal(anonymous.statusCode, 303);
	assert.equal((await (await clientFor({ isAdministrator: true })).get("/admin/indikatorer")).statusCode, 200);

	const client = await coordinatorClient();
	for (const id of [randomUUID(), "nej"]) {
		assert.equal((await client.get(`/admin/indikatorer/${id}/andra`)).statusCode, 404);
		assert.equal((await client.post(`/admin/indikatorer/${id}/andra`, { title: "X" })).statusCode, 404);
	}
});

test("the indicators of a focus area and the choices for a goal's target", async () => {
	const area = await createFocusArea(db, programme.id, { name: "Attrahera arbetskraft", position: 3 });
	const b = await createIndicator(db, programme.id, { title: "Öppet arbetslösa", unit: "procent", focusAreaIds: [area.id] });
	const a = await createIndicator(db, programme.id, { title: "Nystartade företag", unit: "antal per 1 000 inv.", focusAreaIds: [area.id] });
	await createIndicator(db, programme.id, { title: "Annat område", focusAreaIds: [environment.id] });
	assert.deepEqual(
		(await indicatorsInFocusArea(db, area.id)).map((i) => i.id),
		[a.id, b.id],
	);
	assert.deepEqual(await indicatorsInFocusArea(db, "trasig"), []);
	const choices = await indicatorChoices(db, programme.id);
	assert.deepEqual(
		choices.find((c) => c.id === b.id),
		{ id: b.id, title: "Öppet arbetslösa", unit: "procent" },
	);
});
