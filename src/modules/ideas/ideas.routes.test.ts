import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import * as s from "../../db/schema.js";
import { createFocusArea, createProgramme, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const author = await createUser(db, { name: "Ida Idérik" });
const neighbour = await createUser(db, { name: "Nils Granne" });

async function clientFor(userId: string): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, userId);
	return client;
}

async function submitIdea(title: string): Promise<string> {
	const res = await (await clientFor(author.id)).post("/ideer/ny", { title, text: "Bygg en cykelväg mellan byarna.", focusAreaId: area.id });
	assert.equal(res.statusCode, 303);
	return String(res.headers.location).split("/").pop()!;
}

test("a signed-in resident submits an idea; it is public and becomes an input", async () => {
	const id = await submitIdea("Cykelväg till Bastuträsk");
	const page = await new TestClient(app).get(`/ideer/${id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Cykelväg till Bastuträsk<\/h1>/);
	assert.match(page.body, /Ida Idérik/);
	assert.match(page.body, /Fokusområde: Vår miljö/);
	assert.match((await new TestClient(app).get("/ideer")).body, /Cykelväg till Bastuträsk/);
	const [input] = await db.select().from(s.inputs).where(and(eq(s.inputs.source, "idea"), eq(s.inputs.sourceId, id)));
	assert.equal(input?.focusAreaId, area.id);
	assert.match(input!.text, /cykelväg mellan byarna/);
});

test("only signed-in residents may submit; bad input keeps what was typed", async () => {
	const anonymous = await new TestClient(app).get("/ideer/ny");
	assert.equal(anonymous.statusCode, 303);
	const client = await clientFor(author.id);
	const res = await client.post("/ideer/ny", { title: "", text: "z".repeat(4001), focusAreaId: "00000000-0000-0000-0000-000000000000" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Fyll i fältet/);
	assert.match(res.body, /högst 4000 tecken/);
	assert.match(res.body, /zzzz/);
	const forged = await client.post("/ideer/ny", { title: "Hej", text: "Text", focusAreaId: "00000000-0000-0000-0000-000000000000" });
	assert.equal(forged.statusCode, 422);
	assert.match(forged.body, /Välj ett av alternativen/);
});

test("comments are stored as inputs; an empty comment gets a message", async () => {
	const id = await submitIdea("Fler bänkar");
	const client = await clientFor(neighbour.id);
	const empty = await client.post(`/ideer/${id}/kommentarer`, { comment: "  " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet/);
	const ok = await client.post(`/ideer/${id}/kommentarer`, { comment: "Bra idé, gärna vid älven!" });
	assert.equal(ok.statusCode, 303);
	assert.match((await client.get(`/ideer/${id}`)).body, /Bra idé, gärna vid älven!/);
	const rows = await db.select().from(s.inputs).where(eq(s.inputs.source, "comment"));
	assert.ok(rows.some((r) => r.text === "Bra idé, gärna vid älven!" && r.focusAreaId === area.id));
});

test("one support per person: concurrent double clicks count once and a second support is told plainly", async () => {
	const id = await submitIdea("Isbana på sjön");
	const client = await clientFor(neighbour.id);
	const _csrf = await client.csrfToken();
	const results = await Promise.all([1, 2, 3].map(() => client.post(`/ideer/${id}/stod`, { _csrf }, { csrf: false })));
	assert.ok(results.every((r) => r.statusCode === 303));
	const rows = await db.select().from(s.ideaSupports).where(eq(s.ideaSupports.ideaId, id));
	assert.equal(rows.length, 1);
	await client.post(`/ideer/${id}/stod`, {});
	const page = await client.get(`/ideer/${id}`);
	assert.match(page.body, /Du stöder redan den här idén|Du stöder den här idén/);
	assert.match(page.body, /1 personer stöder idén/);
});

test("residents report abuse; coordinators see reports, hide with a reason shown to the author, and restore", async () => {
	const id = await submitIdea("Olämplig idé");
	const reporter = await clientFor(neighbour.id);
	const noReason = await reporter.post(`/ideer/${id}/anmal`, { reason: "", commentId: "" });
	assert.equal(noReason.statusCode, 422);
	assert.equal((await reporter.post(`/ideer/${id}/anmal`, { reason: "Kränkande mot grannar", commentId: "" })).statusCode, 303);
	const moderator = await clientFor(coordinatorAdmin.id);
	const reports = await moderator.get("/admin/ideer");
	assert.match(reports.body, /Kränkande mot grannar/);
	assert.equal((await reporter.get("/admin/ideer")).statusCode, 403);
	assert.equal((await reporter.post(`/ideer/${id}/dolj`, { hideReason: "Nej" })).statusCode, 403);

	const withoutReason = await moderator.post(`/ideer/${id}/dolj`, { hideReason: "" });
	assert.equal(withoutReason.statusCode, 422);
	assert.match(withoutReason.body, /Skäl till att idén döljs: Fyll i fältet/);
	assert.equal((await moderator.post(`/ideer/${id}/dolj`, { hideReason: "Bryter mot reglerna om respekt." })).statusCode, 303);
	assert.equal((await new TestClient(app).get(`/ideer/${id}`)).statusCode, 404);
	assert.doesNotMatch((await new TestClient(app).get("/ideer")).body, /Olämplig idé/);
	const authorView = await (await clientFor(author.id)).get(`/ideer/${id}`);
	assert.equal(authorView.statusCode, 200);
	assert.match(authorView.body, /Skäl: Bryter mot reglerna om respekt\./);
	const [input] = await db.select().from(s.inputs).where(and(eq(s.inputs.source, "idea"), eq(s.inputs.sourceId, id)));
	assert.equal(input?.hidden, true);

	assert.equal((await moderator.post(`/ideer/${id}/aterstall`, {})).statusCode, 303);
	assert.equal((await new TestClient(app).get(`/ideer/${id}`)).statusCode, 200);
});
