import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createProgramme, createProposal, createUser, createVisionText } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { analysts, themes } from "../synthesis/synthesis.schema.js";

const { app, db } = await testApp();
const { programme } = await createProgramme(db);
const proposal = await createProposal(db, programme.id, { number: 5, title: "Världens bästa vardag", subtext: "Med öppenhet och mod" });
const other = await createProposal(db, programme.id, { number: 1, title: "Norsjö – nära till allt", subtext: "Nära naturen" });
await createVisionText(db, programme.id, { proposalId: proposal.id, title: proposal.title, subtext: proposal.subtext, adoptedOn: "2019-02-04" });
const analystUser = await createUser(db, { name: "Anna Analytiker" });
await db.insert(analysts).values({ userId: analystUser.id });
const anna = await clientAs(app, db, analystUser.id);
for (const [title, text] of [
	["Service nära", "Kommunen svarar snabbt och vänligt när man ringer."],
	["Vardagen", "En vardag där skola, jobb och fritid går ihop."],
] as const) {
	assert.equal((await (await clientAs(app, db, (await createUser(db)).id)).post("/ideer/ny", { title, text })).statusCode, 303);
}

async function createTheme(name: string): Promise<string> {
	assert.equal((await anna.post("/analys/teman", { name })).statusCode, 303);
	return (await db.select().from(themes).where(eq(themes.name, name)))[0]!.id;
}
const link = (proposalId: string, themeIds: string[], client = anna) => client.post(`/analys/visionsforslag/${proposalId}`, new URLSearchParams(themeIds.map((id) => ["themeIds", id])));
const everyday = await createTheme("Vardagsliv");
assert.equal((await anna.post("/analys/inspel/tagga-alla", { themeId: everyday })).statusCode, 303);

test("an analyst links a proposal to a theme; its public page shows the path from inputs to the adopted vision", async () => {
	assert.match((await anna.get("/analys/visionsforslag")).body, /Förslag 5: Världens bästa vardag/);
	assert.equal((await link(proposal.id, [everyday])).statusCode, 303);
	const linksPage = await anna.get(`/analys/visionsforslag/${proposal.id}`);
	assert.equal(flashMessage(linksPage.body), "Visionsförslagets teman är sparade.");
	assert.match(linksPage.body, /Anna Analytiker/);
	assert.match((await new TestClient(app).get("/vision")).body, new RegExp(`href="/vision/forslag/${proposal.id}"`));
	const page = await new TestClient(app).get(`/vision/forslag/${proposal.id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /Bygger på 2 inspel från 2 deltagare\./);
	assert.match(page.body, /Kommunen svarar snabbt och vänligt/);
	assert.match(page.body, /Antogs som vision 4 februari 2019/);
	const theme = (await new TestClient(app).get(`/teman/${everyday}`)).body;
	assert.match(theme, new RegExp(`Visionsförslag: <a href="/vision/forslag/${proposal.id}">5. Världens bästa vardag</a>`));
	// The same trace as open data.
	const json = await new TestClient(app).get(`/api/v1/proposals/${proposal.id}/trace`);
	assert.equal(json.statusCode, 200);
	const trace = json.json() as { inputs: number; participants: number; themes: { name: string }[]; quotes: { text: string }[] };
	assert.deepEqual([trace.inputs, trace.participants], [2, 2]);
	assert.deepEqual(
		trace.themes.map((t) => t.name),
		["Vardagsliv"],
	);
	assert.ok(trace.quotes.some((q) => q.text.includes("Kommunen svarar snabbt och vänligt")));
	assert.deepEqual((await new TestClient(app).get(`/api/v1/proposals/${other.id}/trace`)).json(), { inputs: 0, participants: 0, themes: [], quotes: [] });
	assert.equal((await new TestClient(app).get("/api/v1/proposals/00000000-0000-4000-8000-000000000000/trace")).statusCode, 404);
	// A proposal no theme is linked to says so, and shows no trace.
	const bare = (await new TestClient(app).get(`/vision/forslag/${other.id}`)).body;
	assert.match(bare, /Inga teman ur inspelen är kopplade till förslaget än/);
	assert.doesNotMatch(bare, /Vad invånarna sa/);
});

test("a proposal that does not exist, a theme merged away and a person without the role are refused; nothing is stored", async () => {
	const missing = "00000000-0000-4000-8000-000000000000";
	assert.equal((await link(missing, [everyday])).statusCode, 404);
	assert.equal((await new TestClient(app).get(`/vision/forslag/${missing}`)).statusCode, 404);
	assert.equal((await new TestClient(app).get("/vision/forslag/inget")).statusCode, 404);
	const gone = await createTheme("Service");
	assert.equal((await anna.post(`/analys/teman/${gone}/sla-ihop`, { targetId: everyday })).statusCode, 303);
	const refused = await link(other.id, [gone]);
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /Temat Service har slagits ihop med Vardagsliv under tiden/);
	assert.match((await anna.get(`/analys/visionsforslag/${other.id}`)).body, /Inga teman är kopplade än/);
	const resident = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await link(other.id, [everyday], resident)).statusCode, 403);
	assert.equal((await resident.get("/analys/visionsforslag")).statusCode, 403);
});
