// Reopening and the history of who opened and closed a survey, deleting sections, and answering while survey definitions are cached (as in production).
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createProgramme, createSurvey, createUser, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { surveyAnswers, surveyEvents, surveyOptions, surveyQuestions, surveyResponses, surveySections, surveys } from "./surveys.schema.js";
import { surveyHistory } from "./surveys.service.js";

// A cache that never expires during the file: every change must show because it was forgotten, not because time passed.
const { app, db } = await testApp({ readCacheMs: 600_000 });
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const resident = await createUser(db);

async function clientFor(userId?: string): Promise<TestClient> {
	const client = new TestClient(app);
	if (userId) await signInAs(client, db, userId);
	return client;
}

const answersOf = async (surveyId: string) => db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));

test("a coordinator reopens a closed survey with a later closing time, and residents can answer again at once", async () => {
	const { survey, questions } = await createSurvey(db, programme.id, { questions: [{ kind: "rating", text: "Hur trivs du?", required: true }] });
	const rating = `q_${questions[0]!.id}`;
	const coordinatorClient = await clientFor(coordinatorAdmin.id);
	const residentClient = await clientFor();
	const base = `/admin/enkater/${survey.id}`;
	assert.doesNotMatch((await coordinatorClient.get(base)).body, /Öppna enkäten igen/);
	assert.equal((await residentClient.post(`/enkater/${survey.id}`, { [rating]: "4" })).statusCode, 303);
	assert.equal((await coordinatorClient.post(`${base}/status`, { to: "closed" })).statusCode, 303);
	assert.equal((await residentClient.post(`/enkater/${survey.id}`, { [rating]: "5" })).statusCode, 409);

	const page = await coordinatorClient.get(base);
	assert.equal(flashMessage(page.body), "Enkäten är stängd och tar inte emot fler svar.");
	assert.match(page.body, /<h2 id="reopen-survey">Öppna enkäten igen<\/h2>/);
	const past = await coordinatorClient.post(`${base}/oppna-igen`, { newClosesAt: "2020-01-01T12:00" });
	assert.equal(past.statusCode, 422);
	assert.match(past.body, /Sluttiden måste ligga framåt i tiden\./);
	assert.match(past.body, /value="2020-01-01T12:00"/);
	const malformed = await coordinatorClient.post(`${base}/oppna-igen`, { newClosesAt: "i morgon" });
	assert.equal(malformed.statusCode, 422);
	assert.equal((await db.select().from(surveys).where(eq(surveys.id, survey.id)))[0]!.status, "closed");

	assert.equal((await coordinatorClient.post(`${base}/oppna-igen`, { newClosesAt: "2099-12-31T12:00" })).statusCode, 303);
	const [reopened] = await db.select().from(surveys).where(eq(surveys.id, survey.id));
	assert.equal(reopened!.status, "open");
	assert.equal(reopened!.closesAt!.toISOString(), "2099-12-31T11:00:00.000Z");
	const open = await coordinatorClient.get(base);
	assert.equal(flashMessage(open.body), "Enkäten är öppen för svar igen.");
	assert.match(open.body, /Status: Öppen\./);
	assert.equal((await residentClient.post(`/enkater/${survey.id}`, { [rating]: "5" })).statusCode, 303);
	assert.equal((await answersOf(survey.id)).length, 2);

	assert.equal((await coordinatorClient.post(`${base}/oppna-igen`, { newClosesAt: "" })).statusCode, 404);
	const residentSignedIn = await clientFor(resident.id);
	assert.equal((await residentSignedIn.post(`${base}/oppna-igen`, { newClosesAt: "" })).statusCode, 403);
});

test("a coordinator deletes a section with its questions while the survey has no answers, but never its last section", async () => {
	const made = await createSurvey(db, programme.id, { questions: [{ kind: "single", text: "Har du barn?", options: ["Ja", "Nej"] }] });
	const [parent] = made.questions;
	const sectionValues = (position: number, title: string) => ({ surveyId: made.survey.id, position, title });
	const [school, last] = await db.insert(surveySections).values([sectionValues(2, "Skolan"), sectionValues(3, "Sist")]).returning();
	const question = (sectionId: string, position: number, text: string, showIf?: { questionId: string; optionId: string }) => ({
		surveyId: made.survey.id,
		sectionId,
		position,
		kind: "short_text" as const,
		text,
		showIfQuestionId: showIf?.questionId ?? null,
		showIfOptionId: showIf?.optionId ?? null,
	});
	const [inSchool] = await db
		.insert(surveyQuestions)
		.values(question(school!.id, 1, "Hur är skolan?", { questionId: parent!.id, optionId: parent!.options[0]!.id }))
		.returning();
	const [grade] = await db.insert(surveyQuestions).values({ ...question(school!.id, 2, "Vilket betyg ger du skolan?"), kind: "single" }).returning();
	const [good] = await db
		.insert(surveyOptions)
		.values(["Bra", "Dålig"].map((label, i) => ({ questionId: grade!.id, position: i + 1, label })))
		.returning();
	// A condition in a later section on a question of the section to delete: it must go, not dangle.
	const [dependent] = await db.insert(surveyQuestions).values(question(last!.id, 1, "Berätta mer", { questionId: grade!.id, optionId: good!.id })).returning();

	const client = await clientFor(coordinatorAdmin.id);
	const residentClient = await clientFor();
	assert.match((await residentClient.get(`/enkater/${made.survey.id}`)).body, /Hur är skolan\?/);
	const base = `/admin/enkater/${made.survey.id}`;
	const sectionPage = await client.get(`${base}/delar/${school!.id}`);
	assert.match(sectionPage.body, /<button type="submit" class="secondary">Ta bort delen<\/button>/);
	const deleted = await client.post(`${base}/delar/${school!.id}/delete`, {});
	assert.equal(deleted.statusCode, 303);
	assert.equal(flashMessage((await client.get(base)).body), "Delen är borttagen ur enkäten.");
	assert.deepEqual((await db.select().from(surveySections).where(eq(surveySections.surveyId, made.survey.id))).map((s) => s.title).sort(), ["Frågor", "Sist"]);
	const [kept] = await db.select().from(surveyQuestions).where(eq(surveyQuestions.id, dependent!.id));
	assert.equal(kept!.showIfQuestionId, null);
	assert.doesNotMatch((await residentClient.get(`/enkater/${made.survey.id}`)).body, /Hur är skolan\?/);
	assert.equal((await db.select().from(surveyQuestions).where(eq(surveyQuestions.id, inSchool!.id))).length, 0);

	assert.equal((await residentClient.post(`/enkater/${made.survey.id}`, { [`q_${parent!.id}`]: parent!.options[1]!.id })).statusCode, 303);
	assert.doesNotMatch((await client.get(`${base}/delar/${last!.id}`)).body, /Ta bort delen/);
	assert.equal((await client.post(`${base}/delar/${last!.id}/delete`, {})).statusCode, 303);
	assert.match((await client.get(base)).body, /Delen togs inte bort: enkäten har svar/);
	assert.equal((await db.select().from(surveySections).where(eq(surveySections.id, last!.id))).length, 1);

	const only = await createSurvey(db, programme.id);
	assert.doesNotMatch((await client.get(`/admin/enkater/${only.survey.id}/delar/${only.section.id}`)).body, /Ta bort delen/);
	await client.post(`/admin/enkater/${only.survey.id}/delar/${only.section.id}/delete`, {});
	assert.equal((await db.select().from(surveySections).where(eq(surveySections.id, only.section.id))).length, 1);
	assert.equal((await client.post(`${base}/delar/00000000-0000-4000-8000-000000000000/delete`, {})).statusCode, 404);
});

test("the database, not the cached survey, decides: a survey closed or changed by another process", async () => {
	const closedElsewhere = await createSurvey(db, programme.id, { questions: [{ kind: "rating", text: "Hur trivs du?" }] });
	const client = await clientFor();
	assert.equal((await client.get(`/enkater/${closedElsewhere.survey.id}`)).statusCode, 200);
	// Another process (or a person at the database) closes it; this process still has the open survey in memory.
	await db.update(surveys).set({ status: "closed" }).where(eq(surveys.id, closedElsewhere.survey.id));
	const refused = await client.post(`/enkater/${closedElsewhere.survey.id}`, { [`q_${closedElsewhere.questions[0]!.id}`]: "3" });
	assert.equal(refused.statusCode, 409);
	assert.match(refused.body, /Enkäten är stängd/);
	assert.equal((await answersOf(closedElsewhere.survey.id)).length, 0);

	const changedElsewhere = await createSurvey(db, programme.id, {
		questions: [
			{ kind: "rating", text: "Hur trivs du?" },
			{ kind: "short_text", text: "Tas bort" },
		],
	});
	const [rating, removed] = changedElsewhere.questions;
	assert.match((await client.get(`/enkater/${changedElsewhere.survey.id}`)).body, /Tas bort/);
	await db.delete(surveyQuestions).where(eq(surveyQuestions.id, removed!.id));
	const stored = await client.post(`/enkater/${changedElsewhere.survey.id}`, { [`q_${rating!.id}`]: "4", [`q_${removed!.id}`]: "Svar på en fråga som inte finns" });
	assert.equal(stored.statusCode, 303);
	const [response] = await answersOf(changedElsewhere.survey.id);
	const parts = await db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, response!.id));
	assert.deepEqual(parts.map((p) => p.number), [4]);

	const results = await (await clientFor(coordinatorAdmin.id)).get(`/admin/enkater/${changedElsewhere.survey.id}/resultat`);
	assert.match(results.body, /1 svar, varav 0 på papper\. Siffrorna kan vara upp till 600 sekunder gamla\./);
});

const eventsOf = async (surveyId: string) =>
	(await db.select().from(surveyEvents).where(eq(surveyEvents.surveyId, surveyId))).sort((a, b) => a.at.getTime() - b.at.getTime());

/** The lines of the coordinator's "Historik" list, in the order shown. */
const historyLines = (body: string) => {
	const section = /<h2 id="survey-history">Historik<\/h2>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? "";
	return [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
};

test("opening, closing and reopening a survey records who did it and when, newest first on the page and in the JSON export", async () => {
	const anna = await createUser(db, { name: "Anna Lindqvist", memberOf: { organisationId: coordinator.id, role: "admin" } });
	const { survey } = await createSurvey(db, programme.id, { status: "draft" });
	const annaClient = await clientFor(anna.id);
	const other = await clientFor(coordinatorAdmin.id);
	const base = `/admin/enkater/${survey.id}`;
	assert.match((await annaClient.get(base)).body, /Ingen händelse är sparad ännu\./);

	assert.equal((await annaClient.post(`${base}/status`, { to: "open" })).statusCode, 303);
	assert.equal((await other.post(`${base}/status`, { to: "closed" })).statusCode, 303);
	assert.equal((await annaClient.post(`${base}/oppna-igen`, { newClosesAt: "2099-12-31T12:00" })).statusCode, 303);

	const events = await eventsOf(survey.id);
	assert.deepEqual(
		events.map((e) => [e.kind, e.byUserId, e.closesAt?.toISOString() ?? null]),
		[
			["opened", anna.id, null],
			["closed", coordinatorAdmin.id, null],
			["reopened", anna.id, "2099-12-31T11:00:00.000Z"],
		],
	);
	const lines = historyLines((await other.get(base)).body);
	assert.equal(lines.length, 3);
	assert.match(lines[0]!, /: Öppnades igen, sluttid 31 december 2099 kl. 12:00, av Anna Lindqvist\.$/);
	assert.match(lines[1]!, new RegExp(`: Stängdes, av ${coordinatorAdmin.email.replace(/\./g, "\\.")}\\.$`));
	assert.match(lines[2]!, /: Öppnades, utan sluttid, av Anna Lindqvist\.$/);

	const exported = (await other.get(`${base}/export.json`)).json() as { history: { kind: string; at: string; closesAt: string | null; by: string | null }[] };
	assert.deepEqual(
		exported.history.map((e) => [e.kind, e.by, e.closesAt]),
		[
			["opened", "Anna Lindqvist", null],
			["closed", coordinatorAdmin.email, null],
			["reopened", "Anna Lindqvist", "2099-12-31T11:00:00.000Z"],
		],
	);
	assert.deepEqual(exported.history.map((e) => e.at), events.map((e) => e.at.toISOString()));
});

test("a refused reopening, a repeated status change and unchanged settings record nothing; a new closing time does", async () => {
	const { survey } = await createSurvey(db, programme.id, { status: "closed", title: "Stängd enkät" });
	const client = await clientFor(coordinatorAdmin.id);
	const base = `/admin/enkater/${survey.id}`;
	assert.equal((await client.post(`${base}/oppna-igen`, { newClosesAt: "2020-01-01T12:00" })).statusCode, 422);
	assert.equal((await client.post(`${base}/oppna-igen`, { newClosesAt: "i morgon" })).statusCode, 422);
	assert.equal((await client.post(`${base}/status`, { to: "closed" })).statusCode, 404);
	const settings = { title: "Stängd enkät", intro: "", anonymous: "true", opensAt: "", closesAt: "", retainUntil: "" };
	assert.equal((await client.post(base, settings)).statusCode, 303);
	assert.deepEqual(await eventsOf(survey.id), []);

	assert.equal((await client.post(base, { ...settings, closesAt: "2099-06-01T08:00" })).statusCode, 303);
	const [moved] = await eventsOf(survey.id);
	assert.equal(moved!.kind, "closesAtChanged");
	assert.equal(moved!.closesAt!.toISOString(), "2099-06-01T06:00:00.000Z");
	assert.match(historyLines((await client.get(base)).body)[0]!, /: Sluttiden ändrades, sluttid 1 juni 2099 kl. 08:00, av /);
});

test("a survey whose closing time passed while it was open shows as closed at its closing time, from the closing time alone", () => {
	const at = (iso: string) => new Date(iso);
	const survey = { status: "open", closesAt: at("2026-03-01T12:00:00Z") } as Parameters<typeof surveyHistory>[0];
	const event = (kind: "opened" | "closed" | "reopened" | "closesAtChanged", when: string, closesAt: string | null) => ({
		kind,
		at: at(when),
		closesAt: closesAt ? at(closesAt) : null,
		byName: "Anna",
		byEmail: "anna@example.se",
	});
	const events = [
		event("opened", "2026-01-01T08:00:00Z", "2026-02-01T12:00:00Z"),
		// Extended after it had timed out; then it times out again.
		event("closesAtChanged", "2026-02-10T08:00:00Z", "2026-03-01T12:00:00Z"),
	];
	const kinds = (now: string) => surveyHistory(survey, events, at(now)).map((e) => `${e.kind} ${e.at.toISOString().slice(0, 10)}`);
	assert.deepEqual(kinds("2026-03-02T00:00:00Z"), ["closedAtClosingTime 2026-03-01", "closesAtChanged 2026-02-10", "closedAtClosingTime 2026-02-01", "opened 2026-01-01"]);
	assert.deepEqual(kinds("2026-02-20T00:00:00Z"), ["closesAtChanged 2026-02-10", "closedAtClosingTime 2026-02-01", "opened 2026-01-01"]);
	// Closed by hand before its closing time: nothing more happened when the closing time came.
	const closedEarly = [events[0]!, event("closed", "2026-01-15T08:00:00Z", "2026-02-01T12:00:00Z")];
	assert.deepEqual(
		surveyHistory({ ...survey, status: "closed" }, closedEarly, at("2026-03-02T00:00:00Z")).map((e) => e.kind),
		["closed", "opened"],
	);
});
