import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createProgramme, createUser, signedInCoordinator } from "../../../test/factories.js";
import { testApp, TestClient, testedOn } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";
import { addInputs } from "../inputs/index.js";
import { themes, themeTaggings } from "./synthesis.schema.js";

const { app, db } = await testApp();
const { coordinator } = await createProgramme(db);
const coordinatorClient = await signedInCoordinator(app, db, coordinator.id);
const resident = await createUser(db);

await addInputs(db, [
	{ source: "survey", sourceId: "a1", text: "Vi behöver fler skidspår och elljusspår", occurredOn: "2018-09-12", locality: "Norsjö" },
	{ source: "survey", sourceId: "a2", text: "Skidspåren i Bastuträsk borde prepareras oftare", occurredOn: "2018-09-13", locality: "Bastuträsk" },
	{ source: "workshop", sourceId: "w1", text: "Bättre busstider till Skellefteå", occurredOn: "2018-10-02", locality: "Kusfors" },
	{ source: "idea", sourceId: "i1", text: "Mitt kök läcker", occurredOn: "2018-10-05" },
]);
const inputIds = Object.fromEntries((await db.select({ id: s.inputs.id, sourceId: s.inputs.sourceId }).from(s.inputs)).map((r) => [r.sourceId, r.id]));

/** Posts a form with repeated fields (checkboxes) as a browser does. */
function form(fields: [string, string][]): URLSearchParams {
	return new URLSearchParams(fields);
}

async function analyst(email: string): Promise<TestClient> {
	const res = await coordinatorClient.post("/analys/analytiker", { email });
	assert.equal(res.statusCode, 303);
	const [user] = await db.select().from(s.users).where(eq(s.users.email, email));
	return clientAs(app, db, user!.id);
}

async function sameUser(client: TestClient): Promise<TestClient> {
	const other = new TestClient(app);
	other.cookies.set("medskapa_session", client.cookies.get("medskapa_session")!);
	return other;
}

async function themeId(name: string): Promise<string> {
	const [row] = await db.select().from(themes).where(eq(themes.name, name));
	return row!.id;
}

test("the coordinator makes analysts; residents and signed-out visitors may not analyse", async () => {
	const anna = await analyst("anna.analytiker@example.se");
	assert.equal((await anna.get("/analys")).statusCode, 200);
	assert.match((await coordinatorClient.get("/analys/analytiker")).body, /anna\.analytiker@example\.se/);
	assert.equal((await anna.get("/analys/analytiker")).statusCode, 403);
	const residentClient = await clientAs(app, db, resident.id);
	assert.equal((await residentClient.get("/analys")).statusCode, 403);
	assert.equal((await residentClient.post("/analys/teman", { name: "Smygtema" })).statusCode, 403);
	const signedOut = await new TestClient(app).get("/analys/inspel");
	assert.equal(signedOut.statusCode, 303);
	assert.match(String(signedOut.headers.location), /sign-in/);
	const bad = await coordinatorClient.post("/analys/analytiker", { email: "inte en adress" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /value="inte en adress"/);
});

test("an analyst creates themes; an empty or taken name is refused with the text kept", async () => {
	const anna = await analyst("anna.teman@example.se");
	const created = await anna.post("/analys/teman", { name: "Friluftsliv", description: "Skidspår, leder och natur" });
	assert.equal(created.statusCode, 303);
	const empty = await anna.post("/analys/teman", { name: "  ", description: "Beskrivning som ska finnas kvar" });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet/);
	assert.match(empty.body, /Beskrivning som ska finnas kvar/);
	const taken = await anna.post("/analys/teman", { name: "friluftsliv" });
	assert.equal(taken.statusCode, 422);
	assert.match(taken.body, /Det namnet används redan/);
	assert.match((await anna.get("/analys")).body, /Friluftsliv/);
});

test("tagging one input, in bulk from a search, and off-topic; every tagging keeps who and when", async () => {
	const anna = await analyst("anna.taggar@example.se");
	await anna.post("/analys/teman", { name: "Kommunikationer" });
	const theme = await themeId("Kommunikationer");
	const one = await anna.post("/analys/inspel/tagga", form([["themeId", theme], ["inputIds", inputIds.w1!]]));
	assert.equal(one.statusCode, 303);
	await anna.post("/analys/teman", { name: "Skidåkning" });
	const skiing = await themeId("Skidåkning");
	// Swedish search: "skidspår" finds "Skidspåren" too; "all that match" tags both.
	const all = await anna.post("/analys/inspel/tagga-alla", form([["themeId", skiing], ["q", "skidspår"]]));
	assert.equal(all.statusCode, 303);
	assert.match(String(all.headers.location), /q=skidsp/);
	const tagged = await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, skiing));
	assert.equal(tagged.length, 2);
	const page = await anna.get(`/analys/teman/${skiing}`);
	assert.match(page.body, /Inspel i temat \(2\)/);
	assert.match(page.body, /anna\.taggar@example\.se/);
	await anna.post("/analys/inspel/utanfor", form([["inputIds", inputIds.i1!]]));
	const offTopic = await anna.get("/analys/inspel?theme=offTopic");
	assert.equal(flashMessage(offTopic.body), "De valda inspelen är markerade som utanför ämnet.");
	assert.match(offTopic.body, /Mitt kök läcker/);
	assert.match(offTopic.body, /1 inspel matchar/);
	const noTheme = await anna.post("/analys/inspel/tagga", form([["inputIds", inputIds.a1!]]));
	assert.equal(noTheme.statusCode, 422);
	assert.match(noTheme.body, /Välj ett tema/);
	const noInputs = await anna.post("/analys/inspel/tagga", form([["themeId", skiing]]));
	assert.equal(noInputs.statusCode, 422);
	assert.match(noInputs.body, /Välj minst ett inspel/);
});

test("rename, split and merge lose nothing; merging into itself or into a theme gone is refused", async () => {
	const anna = await analyst("anna.slar@example.se");
	const bertil = await analyst("bertil.slar@example.se");
	await anna.post("/analys/teman", { name: "Natur" });
	await anna.post("/analys/teman", { name: "Miljö" });
	const nature = await themeId("Natur");
	const environment = await themeId("Miljö");
	await anna.post("/analys/inspel/tagga", form([["themeId", nature], ["inputIds", inputIds.a1!], ["inputIds", inputIds.a2!]]));
	await bertil.post("/analys/inspel/tagga", form([["themeId", environment], ["inputIds", inputIds.a2!], ["inputIds", inputIds.w1!]]));

	const renamed = await anna.post(`/analys/teman/${nature}`, { name: "Natur och friluftsliv", description: "" });
	assert.equal(renamed.statusCode, 303);
	assert.match((await anna.get(`/analys/teman/${nature}`)).body, /Bytte namn från ”Natur”/);

	const self = await anna.post(`/analys/teman/${nature}/sla-ihop`, { targetId: nature });
	assert.equal(self.statusCode, 422);
	assert.match(self.body, /inte slås ihop med sig självt/);

	const merged = await bertil.post(`/analys/teman/${environment}/sla-ihop`, { targetId: nature });
	assert.equal(merged.statusCode, 303);
	assert.equal(merged.headers.location, `/analys/teman/${nature}`);
	const rows = await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, nature));
	assert.deepEqual(rows.map((r) => r.inputId).sort(), [inputIds.a1, inputIds.a2, inputIds.w1].sort());
	// w1 was tagged by Bertil: the merge keeps who tagged it.
	const [bertilUser] = await db.select().from(s.users).where(eq(s.users.email, "bertil.slar@example.se"));
	assert.equal(rows.find((r) => r.inputId === inputIds.w1)!.taggedBy, bertilUser!.id);

	const again = await anna.post(`/analys/teman/${environment}/sla-ihop`, { targetId: nature });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /Temat finns inte längre/);
	const stale = await anna.post("/analys/inspel/tagga", form([["themeId", environment], ["inputIds", inputIds.i1!]]));
	assert.equal(stale.statusCode, 303, "tagging into a merged theme tags into the theme it became");
	assert.equal((await db.select().from(themeTaggings).where(eq(themeTaggings.inputId, inputIds.i1!))).at(-1)!.themeId, nature);

	const split = await anna.post(`/analys/teman/${nature}/dela`, form([["newName", "Kollektivtrafik"], ["inputIds", inputIds.w1!]]));
	assert.equal(split.statusCode, 303);
	const transit = await themeId("Kollektivtrafik");
	const moved = await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, transit));
	assert.deepEqual(moved.map((r) => [r.inputId, r.taggedBy]), [[inputIds.w1, bertilUser!.id]]);
	const noneChosen = await anna.post(`/analys/teman/${nature}/dela`, form([["newName", "Tomt"]]));
	assert.equal(noneChosen.statusCode, 422);
	assert.match(noneChosen.body, /Välj minst ett inspel/);
	assert.equal((await anna.get("/analys/teman/00000000-0000-0000-0000-000000000000")).statusCode, 404);
});

test(`two analysts tagging the same inputs at once lose nothing, also while a theme is merged (on ${testedOn})`, async () => {
	const anna = await analyst("anna.samtidigt@example.se");
	const bertil = await analyst("bertil.samtidigt@example.se");
	// One client per request: a client's cookies (and CSRF token) belong to one request at a time.
	const [anna2, anna3, bertil2] = await Promise.all([sameUser(anna), sameUser(anna), sameUser(bertil)]);
	await anna.post("/analys/teman", { name: "Samtidigt A" });
	await anna.post("/analys/teman", { name: "Samtidigt B" });
	const a = await themeId("Samtidigt A");
	const b = await themeId("Samtidigt B");
	const ids = Object.values(inputIds) as string[];
	const fields = (theme: string) => form([["themeId", theme], ...ids.map((id): [string, string] => ["inputIds", id])]);
	const results = await Promise.all([
		anna.post("/analys/inspel/tagga", fields(a)),
		bertil.post("/analys/inspel/tagga", fields(a)),
		bertil2.post("/analys/inspel/tagga", fields(b)),
		anna2.post(`/analys/teman/${b}/sla-ihop`, { targetId: a }),
		anna3.post("/analys/inspel/tagga-alla", form([["themeId", b]])),
	]);
	assert.deepEqual(
		results.map((r) => r.statusCode),
		[303, 303, 303, 303, 303],
	);
	const inA = await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, a));
	assert.deepEqual(inA.map((r) => r.inputId).sort(), [...ids].sort());
	assert.equal((await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, b))).length, 0);
});

test("coverage shows the share tagged, where each theme's inputs come from, and leads to the inputs that fit no theme", async () => {
	const anna = await analyst("anna.tackning@example.se");
	await anna.post("/analys/teman", { name: "Täckt tema" });
	const theme = await themeId("Täckt tema");
	await anna.post("/analys/inspel/tagga", form([["themeId", theme], ["inputIds", inputIds.a2!]]));
	const page = await anna.get("/analys/tackning");
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<th scope="row"><a href="\/analys\/teman\/[^"]+">Täckt tema<\/a><\/th><td>1<\/td><td>Enkät 1<\/td><td>Bastuträsk 1<\/td><td>okänt 1<\/td>/);
	assert.match(page.body, /Inspel med tema/);
	assert.match(page.body, /inspel passar inget tema än/);
});
