import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createAdoption, createFocusArea, createGoal, createInitiative, createOrganisation, createProgramme, createUser, orgNumber, signedInCoordinator, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);

async function organisationsNamed(name: string) {
	return db.select().from(s.organisations).where(eq(s.organisations.name, name));
}

test("the actors page shows who stands behind the vision and every organisation taking part, in Swedish and English", async () => {
	const kommun = await createOrganisation(db, { name: "Aktörskommunen", type: "municipality" });
	const bolag = await createOrganisation(db, { name: "Bolaget AB", type: "company" });
	const withdrawn = await createOrganisation(db, { name: "Ångrade föreningen", type: "association" });
	const area = await createFocusArea(db, programme.id, { name: "Vår miljö", position: 1, organisationIds: [kommun.id, bolag.id] });
	await createFocusArea(db, programme.id, { name: "En trygg bygd", position: 2, organisationIds: [kommun.id] });
	await createAdoption(db, programme.id, kommun.id, { decidedOn: "2019-02-04", body: "Kommunfullmäktige", reference: "KS-18/01483" });
	await createAdoption(db, programme.id, withdrawn.id, { decidedOn: "2019-03-01", body: "Årsmötet", withdrawnOn: "2020-01-01" });
	const client = new TestClient(app);

	const sv = await client.get("/aktorer");
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h1>Aktörer<\/h1>/);
	assert.match(sv.body, /<caption>Organisationer som har antagit visionen \(1\)<\/caption>/);
	assert.match(sv.body, /<th scope="col">Beslutsdatum<\/th>/);
	assert.ok(sv.body.includes(`<th scope="row"><a href="/aktorer/${kommun.id}">Aktörskommunen</a></th>`));
	assert.match(sv.body, /<time datetime="2019-02-04">4 februari 2019<\/time><\/td><td>Kommunfullmäktige<\/td><td>KS-18\/01483<\/td>/);
	assert.doesNotMatch(sv.body, /Årsmötet/, "a withdrawn adoption is not shown");
	assert.ok(sv.body.includes(`<a href="/aktorer/${withdrawn.id}">Ångrade föreningen</a>`), "but the organisation still takes part");
	assert.match(sv.body, /Bolaget AB<\/a><\/h3><p class="meta">Företag<\/p><p>Fokusområden: Vår miljö<\/p>/);
	assert.match(sv.body, /Aktörskommunen<\/a><\/h3><p class="meta">Kommun<\/p><p>Fokusområden: Vår miljö, En trygg bygd<\/p>/);
	assert.match(sv.body, /Ångrade föreningen<\/a><\/h3><p class="meta">Förening<\/p><p>Har inte valt några fokusområden ännu\.<\/p>/);
	assert.ok(area.id);

	client.cookies.set("lang", "en");
	const en = await client.get("/aktorer");
	assert.match(en.body, /<h1>Actors<\/h1>/);
	assert.match(en.body, /<caption>Organisations that have adopted the vision \(1\)<\/caption>/);
	assert.match(en.body, /4 February 2019/);
	assert.match(en.body, /<p class="meta">Company<\/p><p>Focus areas: Vår miljö<\/p>/);
});

test("an organisation's profile shows its facts, focus areas and adoption", async () => {
	const org = await createOrganisation(db, {
		name: "Profilföreningen",
		type: "public_agency",
		orgNumber: "212000-2643",
		description: "Vi gör saker.\n\nOch mer.",
		website: "https://profil.example.se",
	});
	const area = await createFocusArea(db, programme.id, { name: "Människan i fokus", organisationIds: [org.id] });
	await createAdoption(db, programme.id, org.id, { decidedOn: "2019-05-20", body: "Styrelsen", reference: "§ 7" });
	const client = new TestClient(app);

	const sv = await client.get(`/aktorer/${org.id}`);
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<h1>Profilföreningen<\/h1>/);
	assert.match(sv.body, /<p>Vi gör saker\.<\/p><p>Och mer\.<\/p>/);
	assert.match(sv.body, /<dt>Typ av organisation<\/dt><dd>Myndighet<\/dd>/);
	assert.match(sv.body, /<dt>Organisationsnummer<\/dt><dd>212000-2643<\/dd>/);
	assert.match(sv.body, /<a href="https:\/\/profil.example.se">https:\/\/profil.example.se<\/a>/);
	assert.ok(sv.body.includes(`<a href="/fokusomraden/${area.id}">Människan i fokus</a>`));
	assert.match(sv.body, /Antog visionen den 20 maj 2019 \(Styrelsen, § 7\)\./);

	client.cookies.set("lang", "en");
	const en = await client.get(`/aktorer/${org.id}`);
	assert.match(en.body, /<dd>Public agency<\/dd>/);
	assert.match(en.body, /Adopted the vision on 20 May 2019 \(Styrelsen, § 7\)\./);

	const plain = await createOrganisation(db, { name: "Utan allt", orgNumber: null });
	const bare = await new TestClient(app).get(`/aktorer/${plain.id}`);
	assert.match(bare.body, /<dt>Organisationsnummer<\/dt><dd>Saknas<\/dd>/);
	assert.match(bare.body, /Organisationen har inte antagit visionen\./);
	assert.match(bare.body, /Har inte valt några fokusområden ännu\./);
});

test("an organisation's profile lists its own goals with their status as text and its joint initiatives, and members find their workspace there", async () => {
	const org = await createOrganisation(db, { name: "Målföreningen" });
	const area = await createFocusArea(db, programme.id, { name: "Målområdet", organisationIds: [org.id] });
	await createGoal(db, programme.id, area.id, { organisationId: org.id, title: "Fler medlemmar", status: "off_track" });
	await createGoal(db, programme.id, area.id, { title: "Någon annans mål" });
	const initiative = await createInitiative(db, programme.id, area.id, { title: "Gemensamt initiativ", ownerIds: [org.id, coordinator.id] });
	const visitor = await new TestClient(app).get(`/aktorer/${org.id}`);
	assert.match(visitor.body, /<caption>Mål för Målföreningen med period och status<\/caption>/);
	assert.match(visitor.body, /Fler medlemmar<\/a>.*?Avviker/);
	assert.doesNotMatch(visitor.body, /Någon annans mål/);
	assert.match(visitor.body, /<h2>Gemensamma initiativ<\/h2>/);
	assert.ok(visitor.body.includes(`<a href="/initiativ/${initiative.id}">Gemensamt initiativ</a>`));
	assert.doesNotMatch(visitor.body, /Hantera organisationen/);

	const member = new TestClient(app);
	await signInAs(member, db, (await createUser(db, { memberOf: { organisationId: org.id, role: "member" } })).id);
	assert.ok((await member.get(`/aktorer/${org.id}`)).body.includes(`href="/aktorer/${org.id}/hantera">Hantera organisationen</a>`));
});

test("an unknown or malformed organisation id is not found", async () => {
	for (const id of [randomUUID(), "not-a-uuid", "0", "x'--"]) {
		const res = await new TestClient(app).get(`/aktorer/${encodeURIComponent(id)}`);
		assert.equal(res.statusCode, 404, id);
		assert.match(res.body, /<h1>Sidan finns inte<\/h1>/);
	}
});

test("the coordinator creates an organisation", async () => {
	const client = await signedInCoordinator(app, db, coordinator.id);
	const list = await client.get("/admin/organisations");
	assert.equal(list.statusCode, 200);
	assert.match(list.body, /<caption>Alla organisationer<\/caption>/);
	const form = await client.get("/admin/organisations/new");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Ny organisation<\/h1>/);
	assert.match(form.body, /<option value="public_agency">Myndighet<\/option>/);

	const res = await client.post("/admin/organisations/new", {
		name: " Nya föreningen ",
		type: "association",
		orgNumber: "802001 5619",
		description: "Om oss.",
		website: "https://ny.example.se",
	});
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/organisations");
	const [stored] = await organisationsNamed("Nya föreningen");
	assert.equal(stored?.type, "association");
	assert.equal(stored?.orgNumber, "802001-5619", "stored in the normal form");
	assert.equal(stored?.description, "Om oss.");
	assert.equal(stored?.website, "https://ny.example.se");

	const after = await client.get("/admin/organisations");
	assert.match(after.body, /Aktören är tillagd\./);
	assert.ok(after.body.includes(`<a href="/admin/organisations/${stored!.id}/edit">Nya föreningen</a>`));

	const minimal = await client.post("/admin/organisations/new", { name: "Bara namn", type: "other" });
	assert.equal(minimal.statusCode, 303);
	const [bare] = await organisationsNamed("Bara namn");
	assert.equal(bare?.orgNumber, null);
	assert.equal(bare?.website, null);
});

test("the coordinator changes an organisation, in English too", async () => {
	const org = await createOrganisation(db, { name: "Före ändring", type: "company" });
	const client = await signedInCoordinator(app, db, coordinator.id);
	client.cookies.set("lang", "en");
	const form = await client.get(`/admin/organisations/${org.id}/edit`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Change Före ändring<\/h1>/);
	assert.match(form.body, /<option value="company" selected>Company<\/option>/);
	assert.ok(form.body.includes(`value="${org.orgNumber}"`));

	const res = await client.post(`/admin/organisations/${org.id}/edit`, { name: "Efter ändring", type: "other", orgNumber: "", website: "" });
	assert.equal(res.statusCode, 303);
	const [stored] = await organisationsNamed("Efter ändring");
	assert.equal(stored?.id, org.id);
	assert.equal(stored?.type, "other");
	assert.equal(stored?.orgNumber, null);
	assert.equal(flashMessage((await client.get("/admin/organisations")).body), "The organisation is updated.");
});

test("bad organisation input is shown with its message, keeps what was typed and stores nothing", async () => {
	const taken = orgNumber();
	await createOrganisation(db, { orgNumber: taken });
	const client = await signedInCoordinator(app, db, coordinator.id);
	const base = { type: "company", description: "Behålls gärna" };
	const cases: { form: Record<string, string>; message: RegExp; kept: RegExp }[] = [
		{ form: { ...base, name: "" }, message: /Namn: Fyll i fältet\./, kept: />Behålls gärna<\/textarea>/ },
		{ form: { ...base, name: "y".repeat(201) }, message: /Texten får vara högst 200 tecken\./, kept: new RegExp(`value="${"y".repeat(201)}"`) },
		{ form: { ...base, name: "Fel typ", type: "kingdom" }, message: /Välj ett av alternativen\./, kept: /value="Fel typ"/ },
		{ form: { ...base, name: "Fel format", orgNumber: "12345" }, message: /Organisationsnumret ska skrivas som 10 siffror/, kept: /value="12345"/ },
		{ form: { ...base, name: "Fel kontrollsiffra", orgNumber: "212000-2644" }, message: /kontrollsiffran är fel/, kept: /value="212000-2644"/ },
		{ form: { ...base, name: "Upptaget nummer", orgNumber: taken }, message: /Det finns redan en organisation med det organisationsnumret\./, kept: /value="Upptaget nummer"/ },
		{ form: { ...base, name: "Fel adress", website: "www.exempel" }, message: /Webbplats: Skriv en fullständig webbadress/, kept: /value="www.exempel"/ },
	];
	for (const c of cases) {
		const res = await client.post("/admin/organisations/new", c.form);
		assert.equal(res.statusCode, 422, c.form.name);
		assert.match(res.body, /Det finns fel i formuläret/);
		assert.match(res.body, c.message);
		assert.match(res.body, c.kept);
		if (c.form.type === "company") assert.match(res.body, /<option value="company" selected>Företag<\/option>/, "the chosen type is kept");
		assert.equal((await organisationsNamed(c.form.name!)).length, 0, `${c.form.name} not stored`);
	}
});

test("changing an organisation to a taken organisation number is refused and changes nothing", async () => {
	const other = await createOrganisation(db);
	const org = await createOrganisation(db, { name: "Behåller numret" });
	const client = await signedInCoordinator(app, db, coordinator.id);
	const res = await client.post(`/admin/organisations/${org.id}/edit`, { name: "Nytt namn som inte sparas", type: "company", orgNumber: other.orgNumber! });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /<h1>Ändra Behåller numret<\/h1>/);
	assert.match(res.body, /Det finns redan en organisation med det organisationsnumret\./);
	const [stored] = await organisationsNamed("Behåller numret");
	assert.equal(stored?.orgNumber, org.orgNumber);
});

test("only a coordinator or administrator may administer organisations", async () => {
	const org = await createOrganisation(db, { name: "Skyddad" });
	const resident = new TestClient(app);
	await signInAs(resident, db, (await createUser(db)).id);
	const otherAdmin = new TestClient(app);
	await signInAs(otherAdmin, db, (await createUser(db, { memberOf: { organisationId: org.id, role: "admin" } })).id);
	const administrator = new TestClient(app);
	await signInAs(administrator, db, (await createUser(db, { isAdministrator: true })).id);

	for (const client of [resident, otherAdmin]) {
		for (const url of ["/admin/organisations", "/admin/organisations/new", `/admin/organisations/${org.id}/edit`]) {
			assert.equal((await client.get(url)).statusCode, 403, url);
		}
		assert.equal((await client.post("/admin/organisations/new", { name: "Otillåten", type: "other" })).statusCode, 403);
		assert.equal((await client.post("/admin/organisations/new", { name: "" })).statusCode, 403);
		assert.equal((await client.post(`/admin/organisations/${org.id}/edit`, { name: "Otillåten", type: "other" })).statusCode, 403);
	}
	assert.equal((await organisationsNamed("Otillåten")).length, 0);
	assert.equal((await organisationsNamed("Skyddad")).length, 1);

	assert.equal((await administrator.get("/admin/organisations")).statusCode, 200);
	const created = await administrator.post("/admin/organisations/new", { name: "Av administratören", type: "other" });
	assert.equal(created.statusCode, 303);

	const anonymous = await new TestClient(app).get("/admin/organisations");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin%2Forganisations");
});

test("editing an unknown or malformed organisation is not found", async () => {
	const client = await signedInCoordinator(app, db, coordinator.id);
	for (const id of [randomUUID(), "nope"]) {
		assert.equal((await client.get(`/admin/organisations/${id}/edit`)).statusCode, 404);
		assert.equal((await client.post(`/admin/organisations/${id}/edit`, { name: "X", type: "other" })).statusCode, 404);
	}
});

test("the API lists organisations and adoptions and gives one organisation's profile", async () => {
	const org = await createOrganisation(db, { name: "API-bolaget", type: "company", orgNumber: "556036-0793", website: null, description: "Bolag." });
	const area = await createFocusArea(db, programme.id, { name: "API-fokus", organisationIds: [org.id] });
	const adoption = await createAdoption(db, programme.id, org.id, { decidedOn: "2019-06-10", body: "Styrelsen", reference: "" });
	const client = new TestClient(app);
	const expected = {
		id: org.id,
		name: "API-bolaget",
		type: "company",
		orgNumber: "556036-0793",
		description: "Bolag.",
		website: null,
		focusAreas: [{ id: area.id, name: "API-fokus" }],
	};
	const expectedAdoption = { id: adoption.id, organisation: { id: org.id, name: "API-bolaget" }, decidedOn: "2019-06-10", body: "Styrelsen", reference: "" };

	const list = await client.get("/api/v1/organisations");
	assert.equal(list.statusCode, 200);
	assert.deepEqual((list.json() as { id: string }[]).find((o) => o.id === org.id), expected);

	const one = await client.get(`/api/v1/organisations/${org.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual(one.json(), { ...expected, adoption: expectedAdoption });

	const none = await createOrganisation(db);
	assert.equal((await client.get(`/api/v1/organisations/${none.id}`)).json().adoption, null);

	const adoptions = await client.get("/api/v1/adoptions");
	assert.equal(adoptions.statusCode, 200);
	assert.deepEqual((adoptions.json() as { id: string }[]).find((a) => a.id === adoption.id), expectedAdoption);

	const unknown = await client.get(`/api/v1/organisations/${randomUUID()}`);
	assert.equal(unknown.statusCode, 404);
	assert.equal(unknown.json().error.status, 404);
	assert.equal((await client.get("/api/v1/organisations/123")).statusCode, 400);
});

test("the OpenAPI document describes the organisation, focus-area and adoption endpoints", async () => {
	const doc = (await new TestClient(app).get("/api/v1/openapi.json")).json() as { paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> };
	for (const path of ["/api/v1/organisations", "/api/v1/organisations/{id}", "/api/v1/focus-areas", "/api/v1/focus-areas/{id}", "/api/v1/adoptions"]) {
		const get = doc.paths[path]?.get;
		assert.ok(get, path);
		assert.ok(get.tags.length > 0, `${path} is tagged`);
		assert.ok(get.responses["200"], `${path} documents its answer`);
	}
});
