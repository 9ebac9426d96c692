import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createOrganisation, createProgramme, signedInUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";

// The read cache is on, as in production, so the tests show that a saved profile is public at once.
const { app, db } = await testApp({ readCacheMs: 60_000 });
const { coordinator } = await createProgramme(db);

async function stored(id: string) {
	const [row] = await db.select().from(s.organisations).where(eq(s.organisations.id, id));
	return row!;
}

/** An organisation with its details set, and a signed-in admin of it. */
async function organisationWithAdmin() {
	const org = await createOrganisation(db, {
		name: `Byalaget ${randomUUID().slice(0, 6)}`,
		type: "association",
		description: "Vi sköter bygdegården.",
		website: "https://byalaget.example.se",
	});
	const admin = await signedInUser(app, db, { memberOf: { organisationId: org.id, role: "admin" } });
	return { org, admin };
}

test("an admin changes the organisation's name, description and website, and the public pages show it at once", async () => {
	const { org, admin } = await organisationWithAdmin();
	const visitor = new TestClient(app);
	assert.match((await visitor.get("/aktorer")).body, new RegExp(org.name), "the actors page is read (and cached) before the change");
	assert.match((await visitor.get(`/aktorer/${org.id}`)).body, /Vi sköter bygdegården\./);

	const workspace = await admin.client.get(`/aktorer/${org.id}/hantera`);
	assert.ok(workspace.body.includes(`<a href="/aktorer/${org.id}/hantera/uppgifter">Ändra organisationens namn, beskrivning och webbplats</a>`));
	const form = await admin.client.get(`/aktorer/${org.id}/hantera/uppgifter`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, new RegExp(`<h1>Ändra uppgifter om ${org.name}</h1>`));
	assert.ok(form.body.includes(`value="${org.name}"`));
	assert.match(form.body, />Vi sköter bygdegården\.<\/textarea>/);
	assert.match(form.body, /value="https:\/\/byalaget\.example\.se"/);
	assert.match(form.body, /Typ av organisation och organisationsnummer ändras bara av samordnaren, eftersom numret kontrolleras och identifierar organisationen\./);
	assert.ok(form.body.includes(org.orgNumber!), "the number is shown");
	assert.doesNotMatch(form.body, /name="orgNumber"|name="type"/, "but cannot be changed here");

	const res = await admin.client.post(`/aktorer/${org.id}/hantera/uppgifter`, {
		name: "  Petikträsk byaförening ",
		description: "Vi sköter bygdegården och skoterleden.",
		website: "https://petiktrask.example.se",
		type: "company",
		orgNumber: "212000-2643",
	});
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, `/aktorer/${org.id}`);
	const after = await stored(org.id);
	assert.deepEqual(
		{ name: after.name, description: after.description, website: after.website, type: after.type, orgNumber: after.orgNumber },
		{
			name: "Petikträsk byaförening",
			description: "Vi sköter bygdegården och skoterleden.",
			website: "https://petiktrask.example.se",
			type: "association",
			orgNumber: org.orgNumber,
		},
		"the type and number posted alongside are ignored",
	);

	const profile = await admin.client.get(`/aktorer/${org.id}`);
	assert.match(profile.body, /Organisationens uppgifter är sparade\./);
	assert.match(profile.body, /<h1>Petikträsk byaförening<\/h1>/);
	const publicProfile = await visitor.get(`/aktorer/${org.id}`);
	assert.match(publicProfile.body, /Vi sköter bygdegården och skoterleden\./);
	assert.ok(publicProfile.body.includes('<a href="https://petiktrask.example.se">https://petiktrask.example.se</a>'));
	assert.match((await visitor.get("/aktorer")).body, /Petikträsk byaförening/);
	assert.equal((await visitor.get(`/api/v1/organisations/${org.id}`)).json().name, "Petikträsk byaförening");

	const cleared = await admin.client.post(`/aktorer/${org.id}/hantera/uppgifter`, { name: "Petikträsk byaförening", description: "", website: "" });
	assert.equal(cleared.statusCode, 303, "description and website may be left empty");
	assert.deepEqual([(await stored(org.id)).description, (await stored(org.id)).website], ["", null]);
	assert.match((await visitor.get(`/aktorer/${org.id}`)).body, /<dt>Webbplats<\/dt><dd>Saknas<\/dd>/);
});

test("bad profile input gets clear messages, keeps what was typed and changes nothing", async () => {
	const { org, admin } = await organisationWithAdmin();
	const bad = await admin.client.post(`/aktorer/${org.id}/hantera/uppgifter`, {
		name: " ",
		description: "Ny beskrivning som behålls.",
		website: "byalaget punkt se",
	});
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, new RegExp(`<h1>Ändra uppgifter om ${org.name}</h1>`), "the page keeps the stored name as its heading");
	assert.match(bad.body, /Det finns fel i formuläret/);
	assert.match(bad.body, /Namn: Fyll i fältet\./);
	assert.match(bad.body, /Webbplats: Skriv en fullständig webbadress som börjar med https:\/\/\./);
	assert.match(bad.body, />Ny beskrivning som behålls\.<\/textarea>/);
	assert.match(bad.body, /value="byalaget punkt se"/);

	const tooLong = await admin.client.post(`/aktorer/${org.id}/hantera/uppgifter`, { name: "x".repeat(201), description: "y".repeat(4001), website: "" });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /Namn: Texten får vara högst 200 tecken\./);
	assert.match(tooLong.body, /Beskrivning: Texten får vara högst 4000 tecken\./);
	assert.equal((await admin.client.post(`/aktorer/${org.id}/hantera/uppgifter`, {})).statusCode, 422, "a form with no fields at all");

	const after = await stored(org.id);
	assert.deepEqual([after.name, after.description, after.website], [org.name, org.description, org.website]);
	assert.equal((await admin.client.get(`/aktorer/${randomUUID()}/hantera/uppgifter`)).statusCode, 404);
	assert.equal((await admin.client.post("/aktorer/nope/hantera/uppgifter", { name: "Nytt" })).statusCode, 404);
});

test("only the organisation's own admins may change its profile: not anonymous people, residents, members, the coordinator or the administrator", async () => {
	const { org } = await organisationWithAdmin();
	const other = await createOrganisation(db);
	const member = await signedInUser(app, db, { memberOf: { organisationId: org.id, role: "member" } });
	const clients = {
		anonymous: new TestClient(app),
		resident: (await signedInUser(app, db)).client,
		member: member.client,
		otherAdmin: (await signedInUser(app, db, { memberOf: { organisationId: other.id, role: "admin" } })).client,
		coordinator: (await signedInUser(app, db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).client,
		administrator: (await signedInUser(app, db, { isAdministrator: true })).client,
	};
	const url = `/aktorer/${org.id}/hantera/uppgifter`;
	for (const [who, client] of Object.entries(clients)) {
		const page = await client.get(url);
		assert.equal(page.statusCode, who === "anonymous" ? 303 : 403, `${who} sees the form`);
		if (who === "anonymous") assert.equal(page.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
		const res = await client.post(url, { name: `Kapad av ${who}`, description: "", website: "" });
		assert.equal(res.statusCode, who === "anonymous" ? 303 : 403, `${who} saves the form`);
	}
	assert.equal((await stored(org.id)).name, org.name);
	assert.doesNotMatch((await member.client.get(`/aktorer/${org.id}/hantera`)).body, /hantera\/uppgifter/, "members get no link to the form");
});

test("a profile reads from who the organisation is to what it does: facts, focus areas, goals, joint initiatives, the vision, contact", async () => {
	const { org } = await organisationWithAdmin();
	const page = await new TestClient(app).get(`/aktorer/${org.id}`);
	const headings = [...page.body.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
	assert.deepEqual(headings, ["Fakta om organisationen", "Fokusområden", "Mål", "Gemensamma initiativ", "Visionen", "Kontakta organisationen"]);
});
