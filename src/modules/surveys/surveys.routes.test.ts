import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createProgramme, createSurvey, createUser, signInAs } from "../../../test/factories.js";
import { assertSaysTryAgainFrom, TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { inputs } from "../inputs/inputs.schema.js";
import { applyRetention, surveyParticipation } from "./index.js";
import { fromStockholmLocal } from "../../i18n/stockholm-time.js";
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from "./surveys.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "member" } });
const resident = await createUser(db);

async function clientFor(userId?: string): Promise<TestClient> {
	const client = new TestClient(app);
	if (userId) await signInAs(client, db, userId);
	return client;
}

/** A survey like the Norsjö one: locality, a required rating, a multiple choice with a maximum, a free text and a conditional text. */
async function sampleSurvey(values: Parameters<typeof createSurvey>[2] = {}) {
	const made = await createSurvey(db, programme.id, {
		questions: [
			{ kind: "single", text: "Var bor du?", background: "locality", options: ["Norsjö", "Bastuträsk"], allowOther: true },
			{ kind: "rating", text: "Hur trivs du?", required: true, lowLabel: "Inte alls", highLabel: "Mycket bra" },
			{ kind: "multiple", text: "Vad är viktigast?", options: ["Skola", "Vård", "Jobb"], maxChoices: 2 },
			{ kind: "long_text", text: "Vad vill du förändra?", maxLength: 50 },
		],
		...values,
	});
	const [locality, rating, important, change] = made.questions as [typeof made.questions[0], typeof made.questions[0], typeof made.questions[0], typeof made.questions[0]];
	return { ...made, locality, rating, important, change };
}

const answersOf = async (surveyId: string) => db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));

test("a resident answers an anonymous survey; nothing links the answer to a person and the free text becomes an input", async () => {
	const s = await sampleSurvey();
	const client = await clientFor(resident.id);
	const page = await client.get(`/enkater/${s.survey.id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /Vi sparar inte vem du är, din IP-adress/);
	assert.match(page.body, /Högst 50 tecken\./);
	assert.match(page.body, /Välj högst 2\./);
	assert.match(page.body, /5 – Mycket bra/);
	const res = await client.post(`/enkater/${s.survey.id}`, {
		[`q_${s.locality.id}`]: s.locality.options[1]!.id,
		[`q_${s.rating.id}`]: "4",
		[`q_${s.important.id}`]: s.important.options[0]!.id,
		[`q_${s.change.id}`]: "Fler bussar till Skellefteå",
	});
	assert.equal(res.statusCode, 303);
	assert.equal(res.headers.location, `/enkater/${s.survey.id}/tack`);
	const [stored] = await answersOf(s.survey.id);
	assert.equal(stored!.userId, null);
	assert.equal(stored!.channel, "web");
	assert.equal(stored!.locality, "Bastuträsk");
	assert.deepEqual(Object.keys(stored!).sort(), ["ageBand", "channel", "id", "locality", "submittedOn", "surveyId", "userId"]);
	const pool = await db.select().from(inputs).where(eq(inputs.text, "Fler bussar till Skellefteå"));
	assert.equal(pool.length, 1);
	assert.equal(pool[0]!.locality, "Bastuträsk");
	assert.deepEqual(pool[0]!.createdAt, fromStockholmLocal(`${stored!.submittedOn}T00:00`), "the input keeps the day, not the time, of the answer");
});

test("bad answers come back with a message per question, everything typed kept and nothing stored", async () => {
	const s = await sampleSurvey();
	const client = await clientFor();
	const typed = "Det här är en text som är alldeles för lång för frågan, verkligen.";
	const cases = [
		{ form: { [`q_${s.change.id}`]: "Bra" }, field: `q_${s.rating.id}`, message: /Svara på frågan\./ },
		{ form: { [`q_${s.rating.id}`]: "3", [`q_${s.change.id}`]: typed }, field: `q_${s.change.id}`, message: /Texten får vara högst 50 tecken\./ },
		{ form: { [`q_${s.rating.id}`]: "3", [`q_${s.locality.id}`]: "00000000-0000-4000-8000-000000000000" }, field: `q_${s.locality.id}`, message: /inte ett av frågans alternativ/ },
		{ form: { [`q_${s.rating.id}`]: "9" }, field: `q_${s.rating.id}`, message: /inte ett av frågans alternativ/ },
		{ form: { [`q_${s.rating.id}`]: "3", [`q_${s.locality.id}`]: "other" }, field: `q_${s.locality.id}_other`, message: /Skriv vad du menar med annat\./ },
	];
	for (const c of cases) {
		const res = await client.post(`/enkater/${s.survey.id}`, c.form);
		assert.equal(res.statusCode, 422, JSON.stringify(c.form));
		assert.match(res.body, c.message);
		assert.match(res.body, new RegExp(`href="#field-${c.field}"`));
		if (c.form[`q_${s.change.id}`]) assert.ok(res.body.includes(c.form[`q_${s.change.id}`]!));
	}
	const valid = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "2" });
	assert.equal(valid.statusCode, 303);
	const body = new URLSearchParams({ [`q_${s.rating.id}`]: "3", _csrf: await client.csrfToken() });
	for (const o of s.important.options) body.append(`q_${s.important.id}`, o.id);
	const res = await app.inject({ method: "POST", url: `/enkater/${s.survey.id}`, payload: body.toString(), headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded" } });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Välj högst 2 alternativ\./);
	assert.equal((await answersOf(s.survey.id)).length, 1);
});

test("a closed survey keeps what was typed and stores nothing; a honeypot answer is thanked and dropped", async () => {
	const s = await sampleSurvey({ status: "closed" });
	const client = await clientFor();
	const res = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "5", [`q_${s.change.id}`]: "Mer is på sjön" });
	assert.equal(res.statusCode, 409);
	assert.match(res.body, /Enkäten är stängd/);
	assert.match(res.body, /Mer is på sjön/);
	const late = await sampleSurvey({ closesAt: new Date(Date.now() - 60_000) });
	assert.equal((await client.post(`/enkater/${late.survey.id}`, { [`q_${late.rating.id}`]: "5" })).statusCode, 409);
	const open = await sampleSurvey();
	const bot = await client.post(`/enkater/${open.survey.id}`, { [`q_${open.rating.id}`]: "5", website: "http://spam.example" });
	assert.equal(bot.statusCode, 303);
	assert.equal((await answersOf(open.survey.id)).length, 0);
	assert.equal((await answersOf(s.survey.id)).length + (await answersOf(late.survey.id)).length, 0);
});

test("a signed-in survey takes one answer per person: a second is offered to replace the first", async () => {
	const s = await sampleSurvey({ anonymous: false, retainUntil: "2030-01-01" });
	const anonymous = await clientFor();
	assert.match((await anonymous.get(`/enkater/${s.survey.id}`)).body, /Logga in för att svara/);
	const kept = await anonymous.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "2", [`q_${s.change.id}`]: "Sparat" });
	assert.equal(kept.statusCode, 401);
	assert.match(kept.body, /Sparat/);
	const client = await clientFor(resident.id);
	assert.match((await client.get(`/enkater/${s.survey.id}`)).body, /Kopplingen till ditt konto tas bort 1 januari 2030/);
	assert.equal((await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "2" })).statusCode, 303);
	const second = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "5", [`q_${s.change.id}`]: "Nytt svar" });
	assert.equal(second.statusCode, 409);
	assert.match(second.body, /Du har redan svarat/);
	assert.match(second.body, /Ersätt mitt tidigare svar/);
	assert.match(second.body, /Nytt svar/);
	const replaced = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "5", [`q_${s.change.id}`]: "Nytt svar", replace: "1" });
	assert.equal(replaced.statusCode, 303);
	const stored = await answersOf(s.survey.id);
	assert.equal(stored.length, 1);
	assert.equal(stored[0]!.userId, resident.id);
	const rating = await db.select().from(surveyAnswers).where(eq(surveyAnswers.questionId, s.rating.id));
	assert.deepEqual(rating.map((r) => r.number), [5]);
	assert.match((await client.get(`/enkater/${s.survey.id}`)).body, /Du svarade/);

	const [participation] = (await surveyParticipation(db)).filter((p) => p.surveyId === s.survey.id);
	assert.deepEqual(participation!.signedInUserIds, [resident.id]);
	await db.update(surveys).set({ retainUntil: "2020-01-01" }).where(eq(surveys.id, s.survey.id));
	assert.ok((await applyRetention(db)).includes(s.survey.id));
	const after = await answersOf(s.survey.id);
	assert.equal(after.length, 1);
	assert.equal(after[0]!.userId, null);
});

test("a question shown only for a given answer is ignored on submit when its condition is not met", async () => {
	const made = await createSurvey(db, programme.id, { questions: [{ kind: "single", text: "Har du barn?", options: ["Ja", "Nej"] }] });
	const [parent] = made.questions;
	const [child] = await db
		.insert(surveyQuestions)
		.values({ surveyId: made.survey.id, sectionId: made.section.id, position: 2, kind: "short_text", text: "Hur är skolan?", required: true, showIfQuestionId: parent!.id, showIfOptionId: parent!.options[0]!.id })
		.returning();
	const client = await clientFor();
	assert.match((await client.get(`/enkater/${made.survey.id}`)).body, /Svara bara om du svarade ”Ja” på frågan ”Har du barn\?”/);
	const res = await client.post(`/enkater/${made.survey.id}`, { [`q_${parent!.id}`]: parent!.options[1]!.id, [`q_${child!.id}`]: "Ska inte sparas" });
	assert.equal(res.statusCode, 303);
	assert.equal((await db.select().from(surveyAnswers).where(eq(surveyAnswers.questionId, child!.id))).length, 0);
	const required = await client.post(`/enkater/${made.survey.id}`, { [`q_${parent!.id}`]: parent!.options[0]!.id });
	assert.equal(required.statusCode, 422);
});

test("a coordinator builds a survey, adds the background questions, opens it, and cannot change its structure once answered", async () => {
	const client = await clientFor(coordinatorAdmin.id);
	const created = await client.post("/admin/enkater", { title: "Vad tycker du?", intro: "", anonymous: "true", opensAt: "2026-03-29T02:30", closesAt: "2030-01-01T00:00", retainUntil: "" });
	assert.equal(created.statusCode, 303);
	const base = created.headers.location as string;
	const [survey] = await db.select().from(surveys).where(eq(surveys.title, "Vad tycker du?"));
	assert.equal(survey!.closesAt!.toISOString(), "2029-12-31T23:00:00.000Z");
	assert.equal((await client.post(`${base}/bakgrund`, {})).statusCode, 303);
	const page = await client.get(base);
	assert.match(page.body, /Var bor du\?/);
	assert.match(page.body, /Norsjö, Bastuträsk, Kusfors, Petiknäs, Petikträsk, Norsjövallen, Annan ort/);
	assert.match(page.body, /Bor här, Arbetar här, Fritidsboende, Har bott här, Vill flytta hit/);
	const sectionId = /name="sectionId"[\s\S]*?value="([^"]+)"/.exec((await client.get(`${base}/fragor/ny`)).body)![1]!;
	const bad = await client.post(`${base}/fragor`, { sectionId, kind: "ranking", text: "Rangordna", options: "Bara ett", maxLength: "2000" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Skriv minst två alternativ/);
	const ok = await client.post(`${base}/fragor`, { sectionId, kind: "ranking", text: "Rangordna", options: "Skola\nVård\nJobb", maxLength: "2000", required: "on" });
	assert.equal(ok.statusCode, 303);
	assert.equal((await client.post(`${base}/status`, { to: "open" })).statusCode, 303);
	assert.equal(flashMessage((await client.get(base)).body), "Enkäten är öppen för svar.");
	const questions = await db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, survey!.id));
	const ranking = questions.find((q) => q.kind === "ranking")!;
	const answer = await clientFor();
	const form = await answer.get(`/enkater/${survey!.id}`);
	const optionIds = [...form.body.matchAll(new RegExp(`name="q_${ranking.id}_([0-9a-f-]{36})"`, "g"))].map((m) => m[1]!);
	assert.equal(optionIds.length, 3);
	const twice = await answer.post(`/enkater/${survey!.id}`, { [`q_${ranking.id}_${optionIds[0]}`]: "1", [`q_${ranking.id}_${optionIds[1]}`]: "1", [`q_${ranking.id}_${optionIds[2]}`]: "2" });
	assert.match(twice.body, /Varje plats kan bara användas en gång\./);
	const ranked = await answer.post(`/enkater/${survey!.id}`, { [`q_${ranking.id}_${optionIds[0]}`]: "2", [`q_${ranking.id}_${optionIds[1]}`]: "1", [`q_${ranking.id}_${optionIds[2]}`]: "3" });
	assert.equal(ranked.statusCode, 303);
	const locked = await client.post(`${base}/fragor/${ranking.id}`, { sectionId, kind: "ranking", text: "Rangordna", options: "Skola\nVård\nJobb\nIs", maxLength: "2000", required: "on" });
	assert.equal(locked.statusCode, 422);
	assert.match(locked.body, /du kan ändra formuleringar men inte frågor/);
	const reworded = await client.post(`${base}/fragor/${ranking.id}`, { sectionId, kind: "ranking", text: "Rangordna det viktigaste", options: "Skolan\nVården\nJobben", maxLength: "2000", required: "on" });
	assert.equal(reworded.statusCode, 303);
	assert.equal(flashMessage((await client.get(base)).body), "Frågan är ändrad.");
	assert.equal((await client.post(`${base}/fragor`, { sectionId, kind: "short_text", text: "Ny", maxLength: "200" })).statusCode, 422);
	assert.equal((await client.post(`${base}/fragor/${ranking.id}/delete`, {})).statusCode, 303);
	assert.match((await client.get(base)).body, /Frågan togs inte bort: enkäten har svar/);
	assert.equal((await db.select().from(surveyQuestions).where(eq(surveyQuestions.id, ranking.id))).length, 1);
	const results = await client.get(`${base}/resultat`);
	assert.match(results.body, /Anonyma svar kan inte kontrolleras mot varandra/);
	assert.match(results.body, /<svg role="img"/);
	assert.match(results.body, /<th scope="row">Vården<\/th><td>1<\/td><td>100 %<\/td><td>1<\/td>/);
	assert.equal((await clientFor(resident.id).then((c) => c.get(`${base}/resultat`))).statusCode, 403);
});

test("an official types in paper answers with number shortcuts; results and exports count them", async () => {
	const s = await sampleSurvey();
	const client = await clientFor(official.id);
	const form = await client.get(`/admin/enkater/${s.survey.id}/papper`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /1 = Norsjö, 2 = Bastuträsk/);
	assert.match(form.body, /autofocus/);
	const wrong = await client.post(`/admin/enkater/${s.survey.id}/papper`, { [`q_${s.locality.id}`]: "7", [`q_${s.rating.id}`]: "4", [`q_${s.change.id}`]: "Kvar" });
	assert.equal(wrong.statusCode, 422);
	assert.match(wrong.body, /Skriv numret på ett alternativ, 1–2/);
	assert.match(wrong.body, /Kvar/);
	const saved = await client.post(`/admin/enkater/${s.survey.id}/papper`, {
		[`q_${s.locality.id}`]: "1",
		[`q_${s.rating.id}`]: "4",
		[`q_${s.important.id}`]: "1 3",
		[`q_${s.change.id}`]: 'Säg "hej"; tack, mer',
	});
	assert.equal(saved.statusCode, 303);
	assert.equal(saved.headers.location, `/admin/enkater/${s.survey.id}/papper`);
	const [stored] = await answersOf(s.survey.id);
	assert.equal(stored!.channel, "paper");
	assert.equal(stored!.locality, "Norsjö");
	const coordinatorClient = await clientFor(coordinatorAdmin.id);
	const csv = await coordinatorClient.get(`/admin/enkater/${s.survey.id}/export.csv?sep=semicolon`);
	assert.equal(csv.statusCode, 200);
	assert.match(csv.headers["content-type"] as string, /text\/csv; charset=utf-8/);
	assert.ok(csv.body.startsWith("\uFEFF"));
	assert.match(csv.body, /;paper;/);
	assert.match(csv.body, /"Säg ""hej""; tack, mer"/);
	assert.match(csv.body, /Skola; Jobb/);
	const comma = await coordinatorClient.get(`/admin/enkater/${s.survey.id}/export.csv`);
	assert.match(comma.body, /"Säg ""hej""; tack, mer"/);
	const xlsx = await coordinatorClient.get(`/admin/enkater/${s.survey.id}/export.xlsx`);
	assert.equal(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
	const sheet = book.worksheets[0]!;
	const row = sheet.getRow(2).values as unknown[];
	assert.ok(row.includes("paper") && row.includes('Säg "hej"; tack, mer') && row.includes("Skola; Jobb"), "the same answer in Excel");
	assert.ok(row.includes(4), "a rating stays a number Excel can sum");
	const json = JSON.parse((await coordinatorClient.get(`/admin/enkater/${s.survey.id}/export.json`)).body);
	assert.equal(json.answers.length, 1);
	assert.equal(json.answers[0].channel, "paper");
	const texts = await coordinatorClient.get(`/admin/enkater/${s.survey.id}/fritext?fraga=${s.change.id}&q=hej&bg_${s.locality.id}=${s.locality.options[0]!.id}`);
	assert.match(texts.body, /Säg &quot;hej&quot;; tack, mer|Säg "hej"; tack, mer/);
	const none = await coordinatorClient.get(`/admin/enkater/${s.survey.id}/fritext?fraga=${s.change.id}&bg_${s.locality.id}=${s.locality.options[1]!.id}`);
	assert.match(none.body, /Inga svar matchar\./);
	assert.equal((await clientFor(resident.id).then((c) => c.get(`/admin/enkater/${s.survey.id}/papper`))).statusCode, 403);
});

test("a flood of anonymous answers from one connection is stopped with when to send again and everything typed kept", async () => {
	const s = await sampleSurvey();
	const client = await clientFor();
	const window = 600_000;
	const first = Date.now();
	let last = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "3" });
	for (let i = 0; i < 30 && last.statusCode === 303; i++) last = await client.post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "3", [`q_${s.change.id}`]: "Flod" });
	assertSaysTryAgainFrom(last, "sv", new Date(first + window), new Date(Date.now() + window));
	assert.match(last.body, /role="alert">\s*<p>Det har kommit väldigt många svar från din uppkoppling på kort tid\. Du kan skicka igen från /);
	assert.match(last.body, /Flod/);
	assert.equal((await answersOf(s.survey.id)).length, 30);
});

test("anonymised quotes are off unless chosen, told to respondents, and can be allowed only before the first answer", async () => {
	const s = await sampleSurvey({ status: "draft" });
	const client = await clientFor(coordinatorAdmin.id);
	const base = `/admin/enkater/${s.survey.id}`;
	const settings = { title: s.survey.title, anonymous: "true" };
	assert.equal((await db.select().from(surveys).where(eq(surveys.id, s.survey.id)))[0]!.publishQuotes, false);
	assert.equal((await client.post(base, { ...settings, publishQuotes: "on" })).statusCode, 303);
	assert.equal((await client.post(`${base}/status`, { to: "open" })).statusCode, 303);
	assert.match((await (await clientFor()).get(`/enkater/${s.survey.id}`)).body, /korta citat ur dina fritextsvar kan visas offentligt/);
	assert.equal((await client.post(base, settings)).statusCode, 303, "stopping quotes is always possible");
	assert.match((await (await clientFor()).get(`/enkater/${s.survey.id}`)).body, /dina fritextsvar citeras inte offentligt/);
	assert.equal((await (await clientFor()).post(`/enkater/${s.survey.id}`, { [`q_${s.rating.id}`]: "3", [`q_${s.change.id}`]: "Mer is" })).statusCode, 303);
	const late = await client.post(base, { ...settings, intro: "Text som finns kvar", publishQuotes: "on" });
	assert.equal(late.statusCode, 422);
	assert.match(late.body, /Citat kan bara tillåtas innan första svaret/);
	assert.match(late.body, /Text som finns kvar/);
	assert.equal((await db.select().from(surveys).where(eq(surveys.id, s.survey.id)))[0]!.publishQuotes, false);
});
