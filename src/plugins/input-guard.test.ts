// The guard before every route: text only, no control characters or direction overrides, one value per query
// parameter; refusals speak the person's language and name the field.
import assert from "node:assert/strict";
import { test } from "node:test";
import { count, eq } from "drizzle-orm";
import { clientAs, createFocusArea, createProgramme, createSurvey, createUser, signedInUser } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { analysts, inputImports } from "../modules/synthesis/synthesis.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const resident = await clientAs(app, db, (await createUser(db)).id);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

const ideas = async () => (await db.select({ n: count() }).from(s.ideas))[0]!.n;

test("a control character in a page's address is left out, and the page says so in Swedish, or in English when chosen", async () => {
	const sv = await new TestClient(app).get("/mal?q=a%00b");
	assert.equal(sv.statusCode, 200, "the page, not an error");
	assert.match(sv.body, /<h1[^>]*>[^<]*[Mm]ål/);
	assert.match(sv.body, /role="status"[^>]*>Adressen innehöll ett osynligt styrtecken i ”q”/);
	const english = new TestClient(app);
	english.cookies.set("lang", "en");
	const en = await english.get("/mal?q=%1b");
	assert.equal(en.statusCode, 200);
	assert.match(en.body, /role="status"[^>]*>The address held an invisible control character in “q”/);
	assert.doesNotMatch((await new TestClient(app).get("/mal?q=ab")).body, /osynligt styrtecken/, "a clean address gets no notice");
});

test("a control character in a program's query or JSON body is refused in JSON naming the field, in the person's language", async () => {
	const api = await new TestClient(app).get("/api/v1/inputs?q=%00");
	assert.equal(api.statusCode, 400);
	assert.equal(api.json().error.field, "q");
	assert.match(api.json().error.message, /”q”/);
	for (const lang of ["sv", "en"]) {
		const client = new TestClient(app);
		client.cookies.set("lang", lang);
		const _csrf = await client.csrfToken();
		const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
		const res = await app.inject({ method: "POST", url: "/sign-in", payload: JSON.stringify({ email: "a\u0000@example.se", _csrf }), headers: { cookie, "content-type": "application/json" } });
		assert.equal(res.statusCode, 400);
		assert.match(String(res.headers["content-type"]), /^application\/json/);
		assert.equal(res.json().error.field, "email");
		assert.match(res.json().error.message, lang === "sv" ? /Fältet ”email” innehåller ett osynligt styrtecken/ : /The field “email” contains an invisible control character/);
	}
});

test("a control character in a field's name brings the form back with the message at that field and what was typed kept", async () => {
	const before = await ideas();
	const res = await resident.post("/ideer/ny", { "ti\u0000tle": "Cykel\u0001väg", text: "Mellan byarna.", focusAreaId: area.id });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /id="error-title"[^>]*>Texten innehöll ett osynligt styrtecken/);
	assert.equal(typedValue(res.body, "title"), "Cykelväg");
	assert.equal(typedValue(res.body, "text"), "Mellan byarna.");
	assert.equal(await ideas(), before);
});

test("a control character in an upload form's text brings the form back with the field's message; a file's name is kept without it", async () => {
	const { client } = await signedInUser(app, db, { isAdministrator: true });
	const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082", "hex");
	const res = await client.postFile("/admin/utseende/logotyp", { logoAlt: "Kommunens\u0000 logotyp" }, { name: "logo.png", type: "image/png", data: png });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /id="error-logoAlt"[^>]*>Texten innehöll ett osynligt styrtecken/);
	assert.equal(typedValue(res.body, "logoAlt"), "Kommunens logotyp");
	const analyst = await createUser(db);
	await db.insert(analysts).values({ userId: analyst.id });
	const upload = await (await clientAs(app, db, analyst.id)).postFile("/analys/import", {}, { name: "svar\u0001\u202e.csv", type: "text/csv", data: Buffer.from("text\nFler bussar\n") });
	assert.equal(upload.statusCode, 303);
	const [stored] = await db.select({ fileName: inputImports.fileName }).from(inputImports);
	assert.equal(stored?.fileName, "svar.csv");
});

/** The value a re-rendered text field or text area holds. */
const typedValue = (html: string, field: string) =>
	new RegExp(`name="${field}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`name="${field}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

test("a control character or direction override in a form shows the form again with the field's message and all typed kept; nothing is stored", async () => {
	const before = await ideas();
	for (const bad of ["Cykel\u0000väg", "Cykel\u0001väg", "Cykel\u001bväg", "Cykel\u007fväg", "Cykel\u202eväg", "Cykel\u2066väg"]) {
		const res = await resident.post("/ideer/ny", { title: bad, text: "Mellan byarna.", focusAreaId: area.id });
		assert.equal(res.statusCode, 422, JSON.stringify(bad));
		assert.match(res.body, /<h1[^>]*>[^<]*idé/i, "the new-idea form, not an error page");
		assert.match(res.body, /id="error-title"[^>]*>Texten innehöll ett osynligt styrtecken/);
		assert.equal(typedValue(res.body, "title"), "Cykelväg", "the title kept, without the character");
		assert.equal(typedValue(res.body, "text"), "Mellan byarna.");
		assert.match(res.body, new RegExp(`<option[^>]*value="${area.id}"[^>]*selected`), "the chosen focus area kept");
	}
	assert.equal(await ideas(), before);
	const ok = await resident.post("/ideer/ny", { title: "Cykelväg", text: "Mellan byarna.\r\n\tFrån Norsjö till Bastuträsk.", focusAreaId: area.id });
	assert.equal(ok.statusCode, 303);
	assert.equal(await ideas(), before + 1);
});

test("a survey answer with a control character comes back with the question's message and every answer kept", async () => {
	const { survey, questions } = await createSurvey(db, programme.id, {
		questions: [
			{ kind: "rating", text: "Hur trivs du?", required: true },
			{ kind: "long_text", text: "Vad vill du förändra?", maxLength: 500 },
		],
	});
	const [rating, change] = questions as [(typeof questions)[0], (typeof questions)[0]];
	const answers = async () => (await db.select({ n: count() }).from(s.surveyResponses).where(eq(s.surveyResponses.surveyId, survey.id)))[0]!.n;
	const res = await new TestClient(app).post(`/enkater/${survey.id}`, { [`q_${rating.id}`]: "4", [`q_${change.id}`]: "Fler\u0000 bussar\u202e" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, new RegExp(`id="error-q_${change.id}"[^>]*>Texten innehöll ett osynligt styrtecken`));
	assert.match(res.body, new RegExp(`name="q_${change.id}"[^>]*>Fler bussar</textarea>`), "the free text kept, without the characters");
	assert.match(res.body, new RegExp(`name="q_${rating.id}"[^>]*value="4"[^>]*checked|value="4"[^>]*name="q_${rating.id}"[^>]*checked`), "the rating kept");
	assert.equal(await answers(), 0);
	const english = new TestClient(app);
	english.cookies.set("lang", "en");
	const en = await english.post(`/enkater/${survey.id}`, { [`q_${rating.id}`]: "4", [`q_${change.id}`]: "More\u001b buses" });
	assert.match(en.body, /The text held an invisible control character/);
});

test("an administrator's form with a control character comes back with the field's message and all typed kept", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const phases = async () => (await db.select().from(s.programmePhases).where(eq(s.programmePhases.programmeId, programme.id))).length;
	const before = await phases();
	const res = await client.post("/admin/programme/phases", { name: "Ins\u0001pel", startsOn: "2026-01-01", endsOn: "2026-03-31" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /id="error-name"[^>]*>Texten innehöll ett osynligt styrtecken/);
	assert.equal(typedValue(res.body, "name"), "Inspel");
	assert.equal(typedValue(res.body, "startsOn"), "2026-01-01");
	assert.equal(typedValue(res.body, "endsOn"), "2026-03-31");
	assert.equal(await phases(), before, "nothing stored");
});

test("a JSON body whose field is not text, or that is not a form at all, is refused with 400 and names the field", async () => {
	const client = new TestClient(app);
	const _csrf = await client.csrfToken();
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	const send = (payload: unknown) =>
		app.inject({ method: "POST", url: "/sign-in", payload: JSON.stringify(payload), headers: { cookie, "content-type": "application/json" } });
	for (const email of [{ toString: 1 }, [["a"]], [{}], 1, true, null]) {
		const res = await send({ email, _csrf });
		assert.equal(res.statusCode, 400, JSON.stringify(email));
		assert.match(res.body, /Fältet ”email” ska vara text/);
	}
	for (const body of [null, "text", ["a"]]) assert.equal((await send(body)).statusCode, 400, JSON.stringify(body));
});

test("a repeated query parameter counts once, with its first value", async () => {
	const coordinatorClient = await clientAs(app, db, coordinatorAdmin.id);
	for (const url of ["/mal?q=a&q=b", "/api/v1/inputs?q=a&q=b", "/ideer?omrade=x&omrade=y"]) {
		assert.equal((await coordinatorClient.get(url)).statusCode, 200, url);
	}
});

test("dates outside 1900–2200 (year 0, year 10000) are refused at the field, not by PostgreSQL", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	for (const day of ["0000-01-01", "1899-12-31", "2201-01-01", "10000-01-01"]) {
		const res = await client.post("/admin/programme/phases", { name: "Fas", startsOn: day, endsOn: "" });
		assert.equal(res.statusCode, 422, day);
		assert.match(res.body, /Skriv ett datum (mellan år 1900 och 2200|som ÅÅÅÅ-MM-DD)/, day);
	}
	const phases = await db.select().from(s.programmePhases).where(eq(s.programmePhases.programmeId, programme.id));
	assert.equal(phases.length, 2);
});

test("the language switch sends back only to a path on this site, whatever the encoding", async () => {
	const client = new TestClient(app);
	const hostile = ["%2F%5Cevil.example", "%2F%09%2Fevil.example", "%2F%0A%2Fx", "%2F%E3%80%82evil.example", "%2F%252F%252Fevil.example", "https%3A%2F%2Fevil.example"];
	for (const next of hostile) {
		const res = await client.get(`/language/en?next=${next}`);
		assert.equal(res.statusCode, 303, next);
		assert.equal(res.headers.location, "/", next);
	}
	assert.equal((await client.get("/language/en?next=%2Fmal%3Fq%3Dx")).headers.location, "/mal?q=x");
});
