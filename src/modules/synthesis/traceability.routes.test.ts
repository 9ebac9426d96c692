import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createFocusArea, createProgramme, createSurvey, createUser, signedInCoordinator } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { ideas } from "../ideas/ideas.schema.js";
import { analysts, themes } from "./synthesis.schema.js";
import { focusAreaThemes } from "./traceability.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const coordinatorClient = await signedInCoordinator(app, db, coordinator.id);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const analystUser = await createUser(db, { name: "Anna Analytiker" });
await db.insert(analysts).values({ userId: analystUser.id });
const anna = await clientAs(app, db, analystUser.id);

/** Answers a survey's one free-text question as a new anonymous respondent. */
async function answer(survey: Awaited<ReturnType<typeof createSurvey>>, text: string) {
	const res = await new TestClient(app).post(`/enkater/${survey.survey.id}`, { [`q_${survey.questions[0]!.id}`]: text });
	assert.equal(res.statusCode, 303);
}

async function submitIdea(userId: string, title: string, text: string) {
	const res = await (await clientAs(app, db, userId)).post("/ideer/ny", { title, text });
	assert.equal(res.statusCode, 303);
}

// Two surveys: one told respondents that anonymised quotes may be published, the other did not.
const quotable = await createSurvey(db, programme.id, { publishQuotes: true, questions: [{ kind: "long_text", text: "Vad är bäst med bygden?" }] });
const private_ = await createSurvey(db, programme.id, { questions: [{ kind: "long_text", text: "Vad vill du ändra?" }] });
await answer(quotable, "Tystnaden vid sjön en vinterkväll");
await answer(quotable, "Skogen bakom huset, där vi plockar bär");
await answer(private_, "Grannens hund skäller om nätterna vid Storgatan 4");
const [ida, olle] = [await createUser(db), await createUser(db)];
await submitIdea(ida.id, "Rensa stranden", "Städa stranden vid badplatsen varje vår.");
await submitIdea(ida.id, "Fler bänkar", "Bänkar längs älven, så att äldre kan vila.");
await submitIdea(olle.id, "Naturstig", "En naturstig med skyltar om fåglarna.");

async function createTheme(name: string): Promise<string> {
	assert.equal((await anna.post("/analys/teman", { name })).statusCode, 303);
	const [row] = await db.select().from(themes).where(eq(themes.name, name));
	return row!.id;
}

const link = (themeIds: string[], areaId = area.id, client = anna) =>
	client.post(`/analys/fokusomraden/${areaId}`, new URLSearchParams(themeIds.map((id) => ["themeIds", id])));

const linkedThemes = async () => (await db.select().from(focusAreaThemes).where(eq(focusAreaThemes.focusAreaId, area.id))).map((l) => l.themeId).sort();

const nature = await createTheme("Naturen nära");
assert.equal((await anna.post("/analys/inspel/tagga-alla", { themeId: nature })).statusCode, 303);

test("an analyst links a focus area to a theme; its public page shows the inputs, participants and public quotes only", async () => {
	const linked = await link([nature]);
	assert.equal(linked.statusCode, 303);
	const [row] = await db.select().from(focusAreaThemes).where(eq(focusAreaThemes.focusAreaId, area.id));
	assert.equal(row!.linkedBy, analystUser.id);
	const linksPage = await anna.get(`/analys/fokusomraden/${area.id}`);
	assert.equal(flashMessage(linksPage.body), "Fokusområdets teman är sparade.");
	assert.match(linksPage.body, /Anna Analytiker/);

	const page = (await new TestClient(app).get(`/fokusomraden/${area.id}`)).body;
	assert.match(page, /Vad invånarna sa/);
	// Three survey responses, and ideas from two people: six inputs from five participants.
	assert.match(page, /Bygger på 6 inspel från 5 deltagare\./);
	assert.match(page, new RegExp(`<a href="/teman/${nature}">Naturen nära</a> \\(6 inspel\\)`), "each theme with its own count");
	assert.match(page, /Tystnaden vid sjön en vinterkväll/);
	assert.match(page, /Läs idén/);
	assert.doesNotMatch(page, /Grannens hund/, "a survey that did not promise publication is never quoted");

	const themePage = await new TestClient(app).get(`/teman/${nature}`);
	assert.equal(themePage.statusCode, 200);
	assert.match(themePage.body, /Tema: Naturen nära/);
	assert.match(themePage.body, new RegExp(`Fokusområde: <a href="/fokusomraden/${area.id}">Vår miljö</a>`));
	assert.doesNotMatch(themePage.body, /Grannens hund/);

	// From an input forward: the idea's page says which public theme it went into and what rests on that.
	const [idea] = await db.select().from(ideas).where(eq(ideas.title, "Naturstig"));
	const ideaPage = (await new TestClient(app).get(`/ideer/${idea!.id}`)).body;
	assert.match(ideaPage, /Vart idén ledde/);
	assert.match(ideaPage, new RegExp(`<a href="/teman/${nature}">Tema: Naturen nära</a>`));
	assert.match(ideaPage, new RegExp(`Fokusområde: <a href="/fokusomraden/${area.id}">Vår miljö</a>`));
});

type TraceJson = { inputs: number; participants: number; themes: { id: string; name: string; inputs: number; url: string }[]; quotes: { text: string; source: string; url: string | null }[] };

test("the trace is open data: the focus area's and the theme's JSON give the page's counts and only its public quotes", async () => {
	const visitor = new TestClient(app);
	const res = await visitor.get(`/api/v1/focus-areas/${area.id}/trace`);
	assert.equal(res.statusCode, 200);
	const trace = res.json() as TraceJson;
	assert.equal(trace.inputs, 6);
	assert.equal(trace.participants, 5);
	assert.deepEqual(
		trace.themes.map((t) => [t.name, t.inputs, t.url]),
		[["Naturen nära", 6, `/teman/${nature}`]],
	);
	const texts = trace.quotes.map((q) => q.text);
	assert.ok(texts.includes("Tystnaden vid sjön en vinterkväll"), "a survey that promised publication is quoted");
	assert.ok(!texts.some((t) => t.includes("Grannens hund")), "a survey that did not promise publication is never quoted");
	const [idea] = await db.select().from(ideas).where(eq(ideas.title, "Naturstig"));
	assert.ok(trace.quotes.some((q) => q.source === "idea" && q.url === `/ideer/${idea!.id}`), "an idea's quote says where to read it");
	assert.ok(trace.quotes.filter((q) => q.source === "survey").every((q) => q.url === null), "a survey answer has nowhere to be read in full");

	const theme = (await visitor.get(`/api/v1/themes/${nature}`)).json() as TraceJson & { name: string; carries: { kind: string; id: string; url: string }[] };
	assert.equal(theme.name, "Naturen nära");
	assert.equal(theme.inputs, 6);
	assert.equal(theme.participants, 5);
	assert.deepEqual(theme.carries, [{ kind: "focusArea", id: area.id, title: "Vår miljö", url: `/fokusomraden/${area.id}` }]);
	assert.ok(!theme.quotes.some((q) => q.text.includes("Grannens hund")));

	// What is not public is not in the API either: a theme nothing rests on, an area or theme that does not exist.
	const unlinked = await createTheme("Ännu inget");
	assert.equal((await visitor.get(`/api/v1/themes/${unlinked}`)).statusCode, 404);
	assert.equal((await visitor.get("/api/v1/themes/inte-ett-id")).statusCode, 400);
	assert.equal((await visitor.get("/api/v1/focus-areas/00000000-0000-4000-8000-000000000000/trace")).statusCode, 404);
	const doc = (await visitor.get("/api/v1/openapi.json")).json() as { paths: Record<string, unknown> };
	for (const path of ["/api/v1/focus-areas/{id}/trace", "/api/v1/themes/{id}"]) assert.ok(doc.paths[path], `${path} is documented`);
});

test("a theme nothing rests on is not public; a merged theme's page leads to the theme it lives on in", async () => {
	const draft = await createTheme("Utkast");
	assert.equal((await new TestClient(app).get(`/teman/${draft}`)).statusCode, 404);
	assert.equal((await new TestClient(app).get("/teman/inte-ett-id")).statusCode, 404);
	const other = await createTheme("Friluftsliv");
	const otherArea = await createFocusArea(db, programme.id, { name: "En rik fritid", position: 2 });
	assert.equal((await link([other], otherArea.id)).statusCode, 303);
	assert.equal((await anna.post(`/analys/teman/${other}/sla-ihop`, { targetId: nature })).statusCode, 303);
	const moved = await new TestClient(app).get(`/teman/${other}`);
	assert.equal(moved.statusCode, 301);
	assert.equal(moved.headers.location, `/teman/${nature}`);
	const movedJson = await new TestClient(app).get(`/api/v1/themes/${other}`);
	assert.equal(movedJson.statusCode, 301);
	assert.equal(movedJson.headers.location, `/api/v1/themes/${nature}`);
	// The link made before the merge still carries: the area now rests on the theme it was merged into.
	assert.match((await new TestClient(app).get(`/fokusomraden/${otherArea.id}`)).body, new RegExp(`<a href="/teman/${nature}">Naturen nära</a>`));
	assert.match((await new TestClient(app).get(`/teman/${nature}`)).body, /En rik fritid/);
});

test("linking a theme merged away or deleted meanwhile is refused with a message naming it, and nothing is stored", async () => {
	assert.equal((await link([nature])).statusCode, 303);
	const before = await linkedThemes();
	const gone = await createTheme("Bortslaget");
	assert.equal((await anna.post(`/analys/teman/${gone}/sla-ihop`, { targetId: nature })).statusCode, 303);
	const extra = await createTheme("Extra");
	const merged = await link([extra, gone]);
	assert.equal(merged.statusCode, 422);
	assert.match(merged.body, /Temat Bortslaget har slagits ihop med Naturen nära under tiden/);
	const deleted = await createTheme("Raderat");
	await db.delete(themes).where(eq(themes.id, deleted));
	const missing = await link([extra, deleted]);
	assert.equal(missing.statusCode, 422);
	assert.match(missing.body, /Ett av de valda temana finns inte längre/);
	const forged = await link(["inte-ett-id"]);
	assert.equal(forged.statusCode, 422);
	assert.deepEqual(await linkedThemes(), before, "a refused form stores nothing");
	assert.equal((await link([nature], "00000000-0000-4000-8000-000000000000")).statusCode, 404);
	assert.equal((await link([nature], "inget-omrade")).statusCode, 404);
});

test("only analysts and the coordinator link themes", async () => {
	const resident = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await resident.get(`/analys/fokusomraden/${area.id}`)).statusCode, 403);
	assert.equal((await link([], area.id, resident)).statusCode, 403);
	assert.equal((await new TestClient(app).get("/analys/fokusomraden")).statusCode, 303);
	assert.match((await coordinatorClient.get("/analys/fokusomraden")).body, /Vår miljö/);
	// Unlinking everything is a choice too: the public page then shows no trace.
	assert.equal((await link([], area.id, coordinatorClient)).statusCode, 303);
	assert.deepEqual(await linkedThemes(), []);
	assert.doesNotMatch((await new TestClient(app).get(`/fokusomraden/${area.id}`)).body, /Vad invånarna sa/);
});
