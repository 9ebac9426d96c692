import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import * as s from "../src/schema.js";
import { createSurvey } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const [programme] = await app.db.select().from(s.programmes);

/**
 * "Har du barn i skolåldern?" → (Ja) "Går de i skolan i Norsjö?" → (Ja) "Hur tar de sig dit?", and (Ja) a required
 * "Hur trivs barnen i skolan?"; "Något mer?" has no condition.
 */
async function conditionalSurvey() {
	const made = await createSurvey(app.db, programme!.id, {
		title: `Skolan ${Math.random()}`,
		questions: [
			{ kind: "single", text: "Har du barn i skolåldern?", options: ["Ja", "Nej"] },
			{ kind: "single", text: "Går de i skolan i Norsjö?", options: ["Ja", "Nej"] },
			{ kind: "short_text", text: "Hur tar de sig dit?" },
			{ kind: "long_text", text: "Hur trivs barnen i skolan?", required: true },
			{ kind: "long_text", text: "Något mer?" },
		],
	});
	const [children, inNorsjo, travel, school, more] = made.questions;
	const showIf = async (questionId: string, parent: (typeof made.questions)[number]) =>
		app.db.update(s.surveyQuestions).set({ showIfQuestionId: parent.id, showIfOptionId: parent.options[0]!.id }).where(eq(s.surveyQuestions.id, questionId));
	await showIf(inNorsjo!.id, children!);
	await showIf(travel!.id, inNorsjo!);
	await showIf(school!.id, children!);
	return { survey: made.survey, children: children!, inNorsjo: inNorsjo!, travel: travel!, school: school!, more: more! };
}

// A question's block, found by its own label or legend (a condition note below another question names it too).
const question = (page: Page, text: RegExp) => page.locator(".survey-question").filter({ has: page.locator("label, legend").filter({ hasText: text }) });
const radio = (page: Page, legend: RegExp, label: string) => page.getByRole("group", { name: legend }).getByRole("radio", { name: label });
const partsOf = async (surveyId: string) => {
	const [response] = await app.db.select().from(s.surveyResponses).where(eq(s.surveyResponses.surveyId, surveyId));
	return app.db.select().from(s.surveyAnswers).where(eq(s.surveyAnswers.responseId, response!.id));
};

test("with JavaScript, a question shows only while the earlier answer it depends on is chosen", async () => {
	const q = await conditionalSurvey();
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/enkater/${q.survey.id}`);
	const school = question(page, /Hur trivs barnen i skolan\?/);
	const inNorsjo = question(page, /Går de i skolan i Norsjö\?/);
	const travel = question(page, /Hur tar de sig dit\?/);
	assert.equal(await school.isHidden(), true, "hidden before anything is chosen");
	assert.equal(await inNorsjo.isHidden(), true);
	assert.equal(await question(page, /Något mer\?/).isVisible(), true, "a question without a condition always shows");

	await radio(page, /Har du barn i skolåldern\?/, "Ja").check();
	assert.equal(await school.isVisible(), true, "shown once Ja is chosen");
	assert.equal(await inNorsjo.isVisible(), true);
	assert.equal(await travel.isHidden(), true, "its own condition is not met yet");
	// The note "answer only if…" is for pages without JavaScript; here the question appears when it applies.
	assert.equal(await school.getByText(/Svara bara om du svarade/).isHidden(), true);
	await radio(page, /Går de i skolan i Norsjö\?/, "Ja").check();
	assert.equal(await travel.isVisible(), true);
	assert.deepEqual(await axeViolations(page), [], "the page with conditional questions shown passes axe");

	await radio(page, /Har du barn i skolåldern\?/, "Nej").check();
	assert.equal(await school.isHidden(), true, "hidden again when the answer changes");
	assert.equal(await inNorsjo.isHidden(), true);
	assert.equal(await travel.isHidden(), true, "a question under a hidden one hides too, whatever was chosen there");
	assert.deepEqual(await axeViolations(page), [], "the page with conditional questions hidden passes axe");

	await radio(page, /Har du barn i skolåldern\?/, "Ja").check();
	await page.getByRole("textbox", { name: /Hur trivs barnen i skolan\?/ }).fill("Bra, men långa bussresor.");
	await page.getByRole("button", { name: /Skicka/ }).click();
	await page.waitForURL(/\/tack$/);
	const parts = await partsOf(q.survey.id);
	assert.equal(parts.find((p) => p.questionId === q.school.id)?.text, "Bra, men långa bussresor.");
	await context.close();
});

test("without JavaScript every question shows with its condition, and the server enforces the condition", async () => {
	const q = await conditionalSurvey();
	// (axe needs JavaScript in the page, so it checks this form in the test above.)
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${app.url}/enkater/${q.survey.id}`);
	const school = question(page, /Hur trivs barnen i skolan\?/);
	assert.equal(await school.isVisible(), true);
	assert.equal(await school.getByText("Svara bara om du svarade ”Ja” på frågan ”Har du barn i skolåldern?”.").isVisible(), true);

	// The condition holds and its required question is left empty: refused, with what was typed kept.
	await radio(page, /Har du barn i skolåldern\?/, "Ja").check();
	await page.getByRole("textbox", { name: /Något mer\?/ }).fill("Kvar efter felet");
	await page.getByRole("button", { name: /Skicka/ }).click();
	await page.getByText("Svara på frågan.").first().waitFor();
	assert.equal(await page.getByRole("textbox", { name: /Något mer\?/ }).inputValue(), "Kvar efter felet");

	// The condition does not hold: what was typed into the question that does not apply is not stored.
	await radio(page, /Har du barn i skolåldern\?/, "Nej").check();
	await page.getByRole("textbox", { name: /Hur trivs barnen i skolan\?/ }).fill("Ska inte sparas");
	await page.getByRole("textbox", { name: /Hur tar de sig dit\?/ }).fill("Inte heller detta");
	await page.getByRole("button", { name: /Skicka/ }).click();
	await page.waitForURL(/\/tack$/);
	const parts = await partsOf(q.survey.id);
	assert.equal(parts.find((p) => p.questionId === q.children.id)?.optionId, q.children.options[1]!.id);
	assert.equal(parts.find((p) => p.questionId === q.more.id)?.text, "Kvar efter felet");
	assert.deepEqual(
		parts.filter((p) => [q.school.id, q.travel.id, q.inNorsjo.id].includes(p.questionId)),
		[],
		"nothing of the questions whose condition was not met",
	);
	await context.close();
});
