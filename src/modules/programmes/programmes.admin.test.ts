import assert from "node:assert/strict";
import { test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { clientAs, createOrganisation, createProgramme, createUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { programmePhases, programmes } from "./programmes.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db, { name: "Framtid Admin" });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const resident = await createUser(db);
const otherOrganisation = await createOrganisation(db, { name: "Bygdeföreningen" });
const otherAdmin = await createUser(db, { memberOf: { organisationId: otherOrganisation.id, role: "admin" } });

const validProgramme = {
	name: "Framtidsprogrammet",
	community: "Norsjöbygden",
	municipalityCode: "2417",
	population: "4 094",
	populationDate: "2018-12-31",
	populationSource: "SCB",
	horizonYear: "2030",
	summary: "Ett långsiktigt arbete.",
	description: "Första stycket.\n\nAndra stycket.",
	coordinatorId: coordinator.id,
};

const storedProgramme = async () => (await db.select().from(programmes).where(eq(programmes.id, programme.id)))[0]!;
const storedPhases = () => db.select().from(programmePhases).where(eq(programmePhases.programmeId, programme.id)).orderBy(asc(programmePhases.position));

test("a coordinator edits the programme; a population written with spaces is understood", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const page = await client.get("/admin/programme");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Programmet<\/h1>/);
	assert.match(page.body, /value="Framtid Admin"/);
	assert.match(page.body, new RegExp(`<option value="${coordinator.id}" selected>`));
	assert.match(page.body, /<option value="[^"]+">Bygdeföreningen<\/option>/);

	const res = await client.post("/admin/programme", validProgramme);
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/programme");
	const stored = await storedProgramme();
	assert.equal(stored.name, "Framtidsprogrammet");
	assert.equal(stored.population, 4094);
	assert.equal(stored.populationDate, "2018-12-31");
	assert.equal(stored.horizonYear, 2030);
	assert.equal(stored.description, "Första stycket.\n\nAndra stycket.");
	assert.equal(flashMessage((await client.get("/admin/programme")).body), "Programmets uppgifter är sparade.");
	assert.match((await client.get("/")).body, /<h1>Framtidsprogrammet<\/h1>/);
});

test("bad programme input is shown again with a message, everything typed kept and nothing stored", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const before = await storedProgramme();
	const cases: { change: Record<string, string>; field: string; message: RegExp }[] = [
		{ change: { name: "" }, field: "name", message: /Fyll i fältet\./ },
		{ change: { municipalityCode: "241" }, field: "municipalityCode", message: /Kommunkoden är fyra siffror/ },
		{ change: { municipalityCode: "24a7" }, field: "municipalityCode", message: /Kommunkoden är fyra siffror/ },
		{ change: { population: "-5" }, field: "population", message: /Skriv ett tal mellan 0 och/ },
		{ change: { population: "4,5" }, field: "population", message: /Skriv ett heltal\./ },
		{ change: { populationDate: "2018-02-30" }, field: "populationDate", message: /Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
		{ change: { populationDate: "2018-13-01" }, field: "populationDate", message: /Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
		{ change: { populationSource: "" }, field: "populationSource", message: /Fyll i fältet\./ },
		{ change: { horizonYear: "tjugotrettio" }, field: "horizonYear", message: /Skriv ett heltal\./ },
		{ change: { coordinatorId: "00000000-0000-4000-8000-000000000000" }, field: "coordinatorId", message: /Organisationen finns inte\./ },
		{ change: { coordinatorId: "hittepå" }, field: "coordinatorId", message: /Organisationen finns inte\./ },
	];
	for (const c of cases) {
		const form = { ...validProgramme, name: "Nytt namn som inte ska sparas", ...c.change };
		const res = await client.post("/admin/programme", form);
		assert.equal(res.statusCode, 422, JSON.stringify(c.change));
		assert.match(res.body, c.message);
		assert.match(res.body, new RegExp(`id="field-${c.field}"[^>]*aria-invalid="true"`));
		if (form.name) assert.match(res.body, /value="Nytt namn som inte ska sparas"/);
		assert.ok(res.body.includes(`value="${form.municipalityCode}"`), "the municipality code is kept");
		assert.ok(res.body.includes(`value="${form.population}"`), "the population is kept");
		assert.ok(res.body.includes("Första stycket.\n\nAndra stycket."), "the description is kept");
	}
	assert.deepEqual(await storedProgramme(), before);
});

test("a coordinator adds, edits and removes phases; the timeline stays in date order", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	assert.equal((await client.get("/admin/programme/phases/new")).statusCode, 200);
	const added = await client.post("/admin/programme/phases", { name: "Publik omröstning", description: "Fem förslag.", startsOn: "2019-01-08", endsOn: "2019-01-20" });
	assert.equal(added.statusCode, 303);
	assert.equal(added.headers.location, "/admin/programme");
	const open = await client.post("/admin/programme/phases", { name: "Uppföljning", description: "", startsOn: "2031-01-01", endsOn: "" });
	assert.equal(open.statusCode, 303);
	let phases = await storedPhases();
	assert.deepEqual(
		phases.map((p) => [p.position, p.name, p.endsOn]),
		[
			[1, "Inspel", "2018-11-30"],
			[2, "Publik omröstning", "2019-01-20"],
			[3, "Genomförande", "2030-12-31"],
			[4, "Uppföljning", null],
		],
	);
	const page = await client.get("/admin/programme");
	assert.match(page.body, /Fasen är tillagd i programmets tidslinje\./);
	assert.match(page.body, /<th scope="row">Publik omröstning<\/th>/);
	assert.match(page.body, /Från 1 januari 2031/);

	const vote = phases[1]!;
	const edit = await client.get(`/admin/programme/phases/${vote.id}`);
	assert.equal(edit.statusCode, 200);
	assert.match(edit.body, /value="2019-01-08"/);
	const moved = await client.post(`/admin/programme/phases/${vote.id}`, { name: "Tidig omröstning", description: "", startsOn: "2018-01-01", endsOn: "2018-01-31" });
	assert.equal(moved.statusCode, 303);
	assert.equal(flashMessage((await client.get("/admin/programme")).body), "Fasen är ändrad.");
	phases = await storedPhases();
	assert.deepEqual(
		phases.map((p) => p.name),
		["Tidig omröstning", "Inspel", "Genomförande", "Uppföljning"],
	);

	const removed = await client.post(`/admin/programme/phases/${vote.id}/delete`, {});
	assert.equal(removed.statusCode, 303);
	phases = await storedPhases();
	assert.deepEqual(
		phases.map((p) => [p.position, p.name]),
		[
			[1, "Inspel"],
			[2, "Genomförande"],
			[3, "Uppföljning"],
		],
	);
	assert.equal(flashMessage((await client.get("/admin/programme")).body), "Fasen är borttagen ur tidslinjen.");
	assert.equal((await client.get(`/admin/programme/phases/${vote.id}`)).statusCode, 404);
	assert.equal((await client.post("/admin/programme/phases/not-a-uuid/delete", {})).statusCode, 404);
});

test("bad phase input is shown again with a message, everything typed kept and nothing stored", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const before = await storedPhases();
	const valid = { name: "Ny fas", description: "Beskrivning av fasen.", startsOn: "2020-03-01", endsOn: "2020-04-01" };
	const cases: { change: Record<string, string>; field: string; message: RegExp }[] = [
		{ change: { name: "" }, field: "name", message: /Fyll i fältet\./ },
		{ change: { startsOn: "" }, field: "startsOn", message: /Fyll i fältet\./ },
		{ change: { startsOn: "1 mars 2020" }, field: "startsOn", message: /Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
		{ change: { endsOn: "2020-13-01" }, field: "endsOn", message: /Skriv ett datum som ÅÅÅÅ-MM-DD\./ },
		{ change: { endsOn: "2020-02-29" }, field: "endsOn", message: /Slutdatumet kan inte vara före startdatumet\./ },
	];
	for (const c of cases) {
		const form = { ...valid, ...c.change };
		const res = await client.post("/admin/programme/phases", form);
		assert.equal(res.statusCode, 422, JSON.stringify(c.change));
		assert.match(res.body, c.message);
		assert.match(res.body, new RegExp(`id="field-${c.field}"[^>]*aria-invalid="true"`));
		assert.ok(res.body.includes("Beskrivning av fasen."), "the description is kept");
		if (form.startsOn) assert.ok(res.body.includes(`value="${form.startsOn}"`), "the start is kept");
	}
	const phase = before[0]!;
	const res = await client.post(`/admin/programme/phases/${phase.id}`, { ...valid, endsOn: "2019-01-01" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Slutdatumet kan inte vara före startdatumet\./);
	assert.match(res.body, /value="Ny fas"/);
	assert.deepEqual(await storedPhases(), before);
});

test("only a coordinator or an administrator may administer the programme", async () => {
	const [phase] = await storedPhases();
	const before = await storedProgramme();
	const phaseForm = { name: "Smygfas", startsOn: "2020-01-01" };
	for (const userId of [resident.id, otherAdmin.id]) {
		const client = await clientAs(app, db, userId);
		assert.equal((await client.get("/admin/programme")).statusCode, 403);
		assert.equal((await client.post("/admin/programme", { ...validProgramme, name: "Kapad" })).statusCode, 403);
		assert.equal((await client.get("/admin/programme/phases/new")).statusCode, 403);
		assert.equal((await client.post("/admin/programme/phases", phaseForm)).statusCode, 403);
		assert.equal((await client.post(`/admin/programme/phases/${phase!.id}`, phaseForm)).statusCode, 403);
		assert.equal((await client.post(`/admin/programme/phases/${phase!.id}/delete`, {})).statusCode, 403);
	}
	const anonymous = new TestClient(app);
	const res = await anonymous.get("/admin/programme");
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/sign-in?next=%2Fadmin%2Fprogramme");
	assert.equal((await anonymous.post("/admin/programme/phases", phaseForm)).statusCode, 303);
	assert.deepEqual(await storedProgramme(), before);
	assert.ok((await storedPhases()).every((p) => p.name !== "Smygfas"));

	const administrator = await clientAs(app, db, (await createUser(db, { isAdministrator: true })).id);
	assert.equal((await administrator.get("/admin/programme")).statusCode, 200);
});

test("the API gives the programme's public record with its coordinator and phases", async () => {
	const res = await new TestClient(app).get("/api/v1/programme");
	assert.equal(res.statusCode, 200);
	const body = res.json();
	assert.equal(body.id, programme.id);
	assert.equal(body.municipalityCode, "2417");
	assert.equal(body.population, 4094);
	assert.equal(body.populationDate, "2018-12-31");
	assert.deepEqual(body.coordinator, { id: coordinator.id, name: coordinator.name });
	assert.deepEqual(Object.keys(body.phases[0]).sort(), ["description", "endsOn", "id", "name", "position", "startsOn"]);
	assert.equal(body.phases.at(-1).endsOn, null);
	assert.equal(body.createdAt, undefined);
});
