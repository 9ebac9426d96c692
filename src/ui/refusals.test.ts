// A refusal reaches the person even when the form it came from is not on the page again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAs, createFocusArea, createProgramme, createSurvey, createUser } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";
import * as s from "../db/schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const coordinatorClient = await clientAs(app, db, (await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).id);

/** The error summary's items, as a screen reader reaches them through role="alert". */
const alertItems = (html: string) => [...(/role="alert"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "").matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

test("hiding an idea that is already hidden, with an empty reason, says what is missing", async () => {
	const author = await clientAs(app, db, (await createUser(db)).id);
	const created = await author.post("/ideer/ny", { title: "Cykelväg", text: "Mellan byarna.", focusAreaId: area.id });
	const ideaUrl = created.headers.location!;
	assert.equal((await coordinatorClient.post(`${ideaUrl}/dolj`, { hideReason: "Dubblett" })).statusCode, 303);
	const again = await coordinatorClient.post(`${ideaUrl}/dolj`, { hideReason: "" });
	assert.equal(again.statusCode, 422);
	assert.deepEqual(alertItems(again.body), ["Fyll i fältet."]);
});

test("adding a section to a survey that has answers says why it cannot be done", async () => {
	const { survey } = await createSurvey(db, programme.id);
	await db.insert(s.surveyResponses).values({ surveyId: survey.id, channel: "paper", submittedOn: "2018-10-01" });
	const res = await coordinatorClient.post(`/admin/enkater/${survey.id}/delar`, { title: "Ny del", description: "" });
	assert.equal(res.statusCode, 422);
	assert.deepEqual(alertItems(res.body), ["Enkäten har svar: du kan ändra formuleringar men inte frågor, alternativ, villkor eller om den är anonym."]);
});
