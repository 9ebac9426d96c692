import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { createProgramme, createUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const admins = [await createUser(db, { isAdministrator: true }), await createUser(db, { isAdministrator: true })];
const bystander = await createUser(db);

test("the accessibility statement names the site and who is responsible, and follows Digg's structure", async () => {
	const client = new TestClient(app);
	const res = await client.get("/tillganglighet");
	assert.equal(res.statusCode, 200);
	assert.ok(res.body.includes(`<h1>Tillgänglighet för ${programme.name}</h1>`));
	assert.ok(res.body.includes(`${coordinator.name} står bakom den här webbplatsen.`));
	for (const heading of [
		"Hur tillgänglig är webbplatsen?",
		"Vad kan du göra om du inte kan använda delar av webbplatsen?",
		"Rapportera brister i webbplatsens tillgänglighet",
		"Tillsyn",
		"Teknisk information om webbplatsens tillgänglighet",
		"Innehåll som inte är tillgängligt",
		"Hur vi testat webbplatsen",
	]) {
		assert.ok(res.body.includes(`${heading}</h2>`), heading);
	}
	assert.match(res.body, /delvis förenlig med lagen/);
	assert.doesNotMatch(res.body, /helt förenlig/);
	assert.match(res.body, /Myndigheten för digital förvaltning \(Digg\) har ansvaret för tillsyn/);
	assert.match(res.body, /href="https:\/\/www.digg.se\/tdosanmalan"/);
	assert.match(res.body, /med verktyget axe/);
	assert.match(res.body, /granskar vi sidorna manuellt/);
	assert.match(res.body, /Senaste bedömningen gjordes den 26 november 2026/);
	assert.match(res.body, /<label for="field-description">Vad är problemet\?<span class="field-need"> \(obligatoriskt\)/);
	assert.match(res.body, /<label for="field-email">Din e-postadress<span class="field-need"> \(valfritt\)/);
	assert.match(res.body, /Bara om du vill ha svar/);

	await client.get("/language/en?next=/tillganglighet");
	const en = await client.get("/tillganglighet");
	assert.ok(en.body.includes(`<h1>Accessibility of ${programme.name}</h1>`));
	assert.match(en.body, /partially compliant/);
	assert.match(en.body, /Agency for Digital Government/);
});

test("a report without a description is refused with everything typed kept", async () => {
	const res = await new TestClient(app).post("/tillganglighet", { description: "  ", page: "Startsidan", email: "namn@exempel.se" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /<a href="#field-description">Vad är problemet\?: Fyll i fältet.<\/a>/);
	assert.match(res.body, /name="page"[^>]*value="Startsidan"/);
	assert.match(res.body, /name="email"[^>]*value="namn@exempel.se"/);
});

test("a report with a malformed reply address is refused", async () => {
	const res = await new TestClient(app).post("/tillganglighet", { description: "Kontrasten är låg", email: "inte en adress" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Kontrasten är låg<\/textarea>/);
	assert.match(res.body, /Skriv en e-postadress/);
});

test("a report is mailed to every administrator and the reporter is thanked", async () => {
	const client = new TestClient(app);
	const res = await client.post("/tillganglighet", { description: "Fokus syns inte på knappen Skicka", page: "/sign-in", email: "" });
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/tillganglighet/tack");
	const thanks = await client.get("/tillganglighet/tack");
	assert.equal(thanks.statusCode, 200);
	assert.match(thanks.body, /<h1>Tack för din rapport<\/h1>/);

	const mails = await db.select().from(s.outbox).where(eq(s.outbox.subject, "Rapport om brist i webbplatsens tillgänglighet"));
	assert.deepEqual(mails.map((m) => m.recipient).sort(), admins.map((a) => a.email).sort());
	assert.ok(!mails.some((m) => m.recipient === bystander.email));
	assert.match(mails[0]!.body, /Fokus syns inte på knappen Skicka/);
	assert.match(mails[0]!.body, /Sida: \/sign-in/);
	assert.match(mails[0]!.body, /Svara till: \(inte angiven\)/);
});

test("reports from one address are limited, with the text kept", async () => {
	const client = new TestClient(app);
	let res = await client.post("/tillganglighet", { description: "Rapport" });
	for (let i = 0; i < 10 && res.statusCode === 303; i++) res = await client.post("/tillganglighet", { description: "Rapport" });
	assert.equal(res.statusCode, 429);
	assert.match(res.body, /Du har skickat många rapporter den senaste timmen\. Du kan skicka igen från \d+ \w+ \d{4} kl\. \d\d:\d\d;/);
	assert.match(res.body, /Rapport<\/textarea>/);
});
