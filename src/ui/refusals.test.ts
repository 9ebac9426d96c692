// A refusal reaches the person even when the form it came from is not on the page again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAs, createFocusArea, createOrganisation, createProgramme, createSurvey, createUser } from "../../test/factories.js";
import { testApp } from "../../test/helpers.js";
import * as s from "../schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const coordinatorClient = await clientAs(app, db, (await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).id);

/** The error summary's items as a screen reader reaches them through role="alert": a link to its field, or plain text when the field is not on the page. */
const alertItems = (html: string) => [...(/role="alert"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "").matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, ""));

test("hiding an idea that is already hidden keeps the first reason and says so, whatever reason was typed", async () => {
	const author = await clientAs(app, db, (await createUser(db)).id);
	const created = await author.post("/ideer/ny", { title: "Cykelväg", text: "Mellan byarna.", focusAreaId: area.id });
	const ideaUrl = created.headers.location!;
	assert.equal((await coordinatorClient.post(`${ideaUrl}/dolj`, { hideReason: "Dubblett" })).statusCode, 303);
	const again = await coordinatorClient.post(`${ideaUrl}/dolj`, { hideReason: "" });
	assert.equal(again.statusCode, 303);
	assert.match((await coordinatorClient.get(again.headers.location!)).body, /Idén var redan dold\. Skälet är oförändrat\./);
});

test("a message to an organisation no one can receive says so, before what was typed is checked", async () => {
	const nobody = await createOrganisation(db, { name: "Utan medlemmar" });
	const res = await coordinatorClient.post(`/aktorer/${nobody.id}/kontakt`, { subject: "", message: "" });
	assert.equal(res.statusCode, 409);
	assert.deepEqual(alertItems(res.body), ["Organisationen har ingen kontaktperson ännu, så meddelandet kan inte skickas."]);
});

test("adding a section to a survey that has answers says why it cannot be done", async () => {
	const { survey } = await createSurvey(db, programme.id);
	await db.insert(s.surveyResponses).values({ surveyId: survey.id, channel: "paper", submittedOn: "2018-10-01" });
	const res = await coordinatorClient.post(`/admin/enkater/${survey.id}/delar`, { title: "Ny del", description: "" });
	assert.equal(res.statusCode, 422);
	assert.deepEqual(alertItems(res.body), ["Enkäten har svar: du kan ändra formuleringar men inte frågor, alternativ, villkor eller om den är anonym."]);
});
