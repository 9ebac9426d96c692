import assert from "node:assert/strict";
import { test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);
const client = new TestClient(app);

test("Norsjö kommun's overarching goals 2019–2022 stand in all six focus areas, behind KF's decision of March 2019", async () => {
	const areas = await db.select().from(s.focusAreas).orderBy(asc(s.focusAreas.position));
	const [kommun] = await db.select().from(s.organisations).where(eq(s.organisations.name, "Norsjö kommun"));
	for (const area of areas) {
		const page = (await client.get(`/fokusomraden/${area.id}`)).body;
		assert.match(page, /Norsjö kommun/, `${area.name} lists the municipality's goals`);
	}
	const goals = await db.select().from(s.goals).where(eq(s.goals.organisationId, kommun!.id));
	assert.deepEqual(new Set(goals.map((g) => g.focusAreaId)).size, 6);
	const top = goals.find((g) => g.title === "Alla barn och unga klarar skolan")!;
	const page = (await client.get(`/mal/${top.id}`)).body;
	assert.match(page, /Kommunfullmäktige 25 mars 2019, § 23/);
	assert.match(page, /Läsfrämjande insatser i alla byskolor/, "the sub-goal of a unit is shown");
	assert.match(page, /Version 2<\/strong>, 30 juni 2020/, "the history is dated as it happened");
	assert.match(page, /Enligt plan/);
});

test("other actors' goals share the leisure area with the municipality, and one joint initiative has goals of its own", async () => {
	const [area] = await db.select().from(s.focusAreas).where(eq(s.focusAreas.name, "En rik och attraktiv fritid"));
	const page = (await client.get(`/fokusomraden/${area!.id}`)).body;
	for (const goal of ["Skidskola för alla barn i åk 1–3", "Skolan öppen för föreningar på kvällar", "Fler barn och unga i föreningslivet"]) assert.ok(page.includes(goal), goal);
	const [initiative] = await db.select().from(s.initiatives);
	const initiativePage = (await client.get(`/initiativ/${initiative!.id}`)).body;
	assert.match(initiativePage, /Norsjö kommun/);
	assert.match(initiativePage, /Norsjö Skidklubb \(demo\)/);
	assert.match(initiativePage, /Alla barn i åk 1–3 har provat skidor/);
	assert.match((await client.get("/arenor")).body, /Arenaträff om vinterns fritid \(demo\)/);
});

test("a focus area's page shows the residents' input it is grounded in", async () => {
	const [area] = await db.select().from(s.focusAreas).where(eq(s.focusAreas.name, "Vår miljö"));
	const page = (await client.get(`/fokusomraden/${area!.id}`)).body;
	assert.match(page, /<h2 id="focus-area-grounding">Underlag<\/h2>/);
	assert.match(page, /Enkät: \d+ inspel/);
});
