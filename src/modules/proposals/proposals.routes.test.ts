import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createOrganisation, createProgramme, createProposal, createUser, createVisionText, createVote } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { visionProposals } from "./proposals.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db, { community: "Testbygden" });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const resident = await createUser(db);
const otherOrganisation = await createOrganisation(db);
const otherAdmin = await createUser(db, { memberOf: { organisationId: otherOrganisation.id, role: "admin" } });

const storedProposal = async (number: number) =>
	(await db.select().from(visionProposals).where(eq(visionProposals.number, number)))[0];

// Runs first: the programme has neither a vision nor a vote yet.
test("the vision page says plainly that no vision is adopted yet", async () => {
	const res = await new TestClient(app).get("/vision");
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /<h1>Visionen<\/h1>/);
	assert.match(res.body, /Ingen vision är antagen ännu\./);
	assert.match(res.body, /Ingen omröstning har hållits ännu\./);
	const api = await new TestClient(app).get("/api/v1/vision");
	assert.deepEqual(api.json(), { vision: null, vote: null });
});

test("the vision page shows the adopted vision, every proposal in number order and the advisory vote, in Swedish and English", async () => {
	const third = await createProposal(db, programme.id, { number: 3, title: "Tredje förslaget", subtext: "Tredje undertexten." });
	const fifth = await createProposal(db, programme.id, { number: 5, title: "Världens bästa vardag", subtext: "Med öppenhet och mod." });
	await createProposal(db, programme.id, { number: 1, title: "Första förslaget", subtext: "Första undertexten." });
	await createVisionText(db, programme.id, { proposalId: third.id, title: "Äldre vision", subtext: "Gäller inte längre.", adoptedOn: "2010-01-01" });
	await createVisionText(db, programme.id, { proposalId: fifth.id, title: "Världens bästa vardag", subtext: "Med öppenhet, mod och ny teknik.", adoptedOn: "2019-02-04" });
	await createVote(db, programme.id, { title: "Publik omröstning om ny vision" });

	const client = new TestClient(app);
	const sv = await client.get("/vision");
	assert.equal(sv.statusCode, 200);
	assert.match(sv.body, /<p class="vision-title">Världens bästa vardag<\/p>/);
	assert.match(sv.body, /Med öppenhet, mod och ny teknik\./);
	assert.match(sv.body, /Antagen 4 februari 2019\./);
	assert.doesNotMatch(sv.body, /Äldre vision/);
	const first = sv.body.indexOf("Förslag 1: ");
	const thirdAt = sv.body.indexOf("Förslag 3: ");
	const fifthAt = sv.body.indexOf("Förslag 5: ");
	assert.ok(first > 0 && first < thirdAt && thirdAt < fifthAt, "proposals in number order");
	// The adopted one is marked in words, right after its own text, and the amended subtext is noted.
	const mark = sv.body.indexOf("Blev den antagna visionen");
	assert.ok(mark > fifthAt, "the mark belongs to proposal 5");
	assert.equal(sv.body.split("Blev den antagna visionen").length, 2, "only one proposal is marked");
	assert.match(sv.body, /Undertexten ändrades när visionen antogs\./);
	assert.match(sv.body, /Publik omröstning om ny vision/);
	assert.match(sv.body, /8–20 januari 2019/);
	assert.match(sv.body, /<dd>Rådgivande<\/dd>/);

	await client.get("/language/en?next=/vision");
	const en = await client.get("/vision");
	assert.match(en.body, /<html lang="en">/);
	assert.match(en.body, /<p class="vision-title" lang="sv">Världens bästa vardag<\/p>/);
	assert.match(en.body, /Proposal 1: <span lang="sv">Första förslaget<\/span>/);
	assert.match(en.body, /8\s–\s20 January 2019/u);
	assert.match(en.body, /<dd>Advisory<\/dd>/);
	assert.match(en.body, /Became the adopted vision/);
	assert.match(en.body, /Adopted on 4 February 2019\./);
});

test("the API gives the vision in force, the vote and the proposals", async () => {
	const client = new TestClient(app);
	const vision = (await client.get("/api/v1/vision")).json();
	assert.equal(vision.vision.title, "Världens bästa vardag");
	assert.equal(vision.vision.subtext, "Med öppenhet, mod och ny teknik.");
	assert.equal(vision.vision.adoptedOn, "2019-02-04");
	assert.deepEqual(
		{ ...vision.vote, id: undefined },
		{
			id: undefined,
			title: "Publik omröstning om ny vision",
			opensAt: "2019-01-07T23:00:00.000Z",
			closesAt: "2019-01-20T23:00:00.000Z",
			firstDay: "2019-01-08",
			lastDay: "2019-01-20",
			advisory: true,
		},
	);

	const list = await client.get("/api/v1/proposals");
	assert.equal(list.statusCode, 200);
	const proposals = list.json() as { id: string; number: number; title: string; subtext: string; adopted: boolean }[];
	assert.deepEqual(
		proposals.map((p) => [p.number, p.adopted]),
		[
			[1, false],
			[3, false],
			[5, true],
		],
	);
	assert.deepEqual(Object.keys(proposals[0]!).sort(), ["adopted", "id", "number", "subtext", "title"]);
	assert.equal(vision.vision.proposalId, proposals[2]!.id);

	const one = await client.get(`/api/v1/proposals/${proposals[2]!.id}`);
	assert.equal(one.statusCode, 200);
	assert.deepEqual(one.json(), proposals[2]);

	const unknown = await client.get("/api/v1/proposals/00000000-0000-4000-8000-000000000000");
	assert.equal(unknown.statusCode, 404);
	assert.equal(unknown.json().error.status, 404);
	const malformed = await client.get("/api/v1/proposals/not-a-uuid");
	assert.equal(malformed.statusCode, 400);
	assert.equal(malformed.json().error.status, 400);
});

test("a coordinator adds a proposal and sees it in the list", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const form = await client.get("/admin/proposals/new");
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Nytt visionsförslag<\/h1>/);

	const res = await client.post("/admin/proposals", { number: "10", title: "Ett nytt förslag", subtext: "Med en undertext." });
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/admin/proposals");
	const stored = await storedProposal(10);
	assert.equal(stored?.title, "Ett nytt förslag");
	assert.equal(stored?.subtext, "Med en undertext.");
	assert.equal(stored?.programmeId, programme.id);

	const list = await client.get("/admin/proposals");
	assert.match(list.body, /Visionsförslaget är skapat\./);
	assert.match(list.body, /<th scope="row">Ett nytt förslag<\/th>/);
});

test("bad proposal input is shown again with a message, everything typed kept and nothing stored", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const cases: { form: Record<string, string>; field: string; message: RegExp }[] = [
		{ form: { number: "", title: "Titel A", subtext: "Text A" }, field: "number", message: /Fyll i fältet\./ },
		{ form: { number: "0", title: "Titel B", subtext: "Text B" }, field: "number", message: /Skriv ett tal mellan 1 och 1000\./ },
		{ form: { number: "två", title: "Titel C", subtext: "Text C" }, field: "number", message: /Skriv ett heltal\./ },
		{ form: { number: "10", title: "Titel D", subtext: "Text D" }, field: "number", message: /Det numret används redan\./ },
		{ form: { number: "21", title: "  ", subtext: "Text E" }, field: "title", message: /Fyll i fältet\./ },
		{ form: { number: "22", title: "x".repeat(201), subtext: "Text F" }, field: "title", message: /högst 200 tecken/ },
		{ form: { number: "23", title: "Titel G", subtext: "" }, field: "subtext", message: /Fyll i fältet\./ },
		{ form: { number: "24", title: "Titel H", subtext: "y".repeat(2001) }, field: "subtext", message: /högst 2000 tecken/ },
	];
	const before = (await db.select().from(visionProposals)).length;
	for (const c of cases) {
		const res = await client.post("/admin/proposals", c.form);
		assert.equal(res.statusCode, 422, JSON.stringify(c.form).slice(0, 80));
		assert.match(res.body, c.message);
		assert.match(res.body, new RegExp(`id="field-${c.field}"[^>]*aria-invalid="true"`));
		if (c.form.number) assert.ok(res.body.includes(`value="${c.form.number}"`), "the number is kept");
		assert.ok(res.body.includes(c.form.title!), "the title is kept");
		assert.ok(res.body.includes(c.form.subtext!), "the subtext is kept");
	}
	assert.equal((await db.select().from(visionProposals)).length, before);
});

test("a coordinator edits a proposal; a number already taken is refused", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const proposal = await createProposal(db, programme.id, { number: 30, title: "Gammal rubrik", subtext: "Gammal text." });
	const form = await client.get(`/admin/proposals/${proposal.id}`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Ändra förslag 30<\/h1>/);
	assert.match(form.body, /value="Gammal rubrik"/);

	const taken = await client.post(`/admin/proposals/${proposal.id}`, { number: "1", title: "Ny rubrik", subtext: "Ny text." });
	assert.equal(taken.statusCode, 422);
	assert.match(taken.body, /Det numret används redan\./);
	assert.match(taken.body, /value="Ny rubrik"/);
	assert.equal((await storedProposal(30))?.title, "Gammal rubrik");

	const saved = await client.post(`/admin/proposals/${proposal.id}`, { number: "31", title: "Ny rubrik", subtext: "Ny text." });
	assert.equal(saved.statusCode, 303);
	assert.equal(flashMessage((await client.get("/admin/proposals")).body), "Visionsförslaget är ändrat.");
	assert.equal((await storedProposal(31))?.title, "Ny rubrik");
	assert.equal(await storedProposal(30), undefined);

	assert.equal((await client.get("/admin/proposals/00000000-0000-4000-8000-000000000000")).statusCode, 404);
	assert.equal((await client.get("/admin/proposals/not-a-uuid")).statusCode, 404);
});

test("only a coordinator or an administrator may manage proposals", async () => {
	const proposal = await createProposal(db, programme.id, { number: 40 });
	const form = { number: "41", title: "Smygförslag", subtext: "Ska inte sparas." };
	for (const userId of [resident.id, otherAdmin.id]) {
		const client = await clientAs(app, db, userId);
		assert.equal((await client.get("/admin/proposals")).statusCode, 403);
		assert.equal((await client.get("/admin/proposals/new")).statusCode, 403);
		assert.equal((await client.post("/admin/proposals", form)).statusCode, 403);
		assert.equal((await client.post(`/admin/proposals/${proposal.id}`, form)).statusCode, 403);
	}
	const anonymous = new TestClient(app);
	const res = await anonymous.get("/admin/proposals");
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, "/sign-in?next=%2Fadmin%2Fproposals");
	assert.equal((await anonymous.post("/admin/proposals", form)).statusCode, 303);
	assert.equal(await storedProposal(41), undefined);

	const administrator = await clientAs(app, db, (await createUser(db, { isAdministrator: true })).id);
	assert.equal((await administrator.get("/admin/proposals")).statusCode, 200);
});
