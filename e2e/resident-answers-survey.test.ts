import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import * as s from "../src/schema.js";
import { startSession } from "../src/modules/accounts/index.js";
import { createSurvey } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const [programme] = await app.db.select().from(s.programmes);
const { survey, questions } = await createSurvey(app.db, programme!.id, {
	title: "Bussar och vägar",
	questions: [
		{ kind: "single", text: "Var bor du?", options: ["Norsjö", "Bastuträsk", "Kusfors"], required: true },
		{ kind: "rating", text: "Hur nöjd är du med bussarna?", lowLabel: "Inte alls", highLabel: "Mycket" },
		{ kind: "multiple", text: "Vad använder du?", options: ["Buss", "Bil", "Cykel"], maxChoices: 2 },
		{ kind: "ranking", text: "Rangordna", options: ["Fler turer", "Billigare", "Tidigare buss"] },
		{ kind: "long_text", text: "Något mer?", maxLength: 500 },
	],
});
const [demoSurvey] = await app.db.select().from(s.surveys).where(eq(s.surveys.title, "Vad tycker du om Norsjöbygden"));
// A draft with two sections, so its section page offers to delete one (the demo survey is closed: its page offers to reopen it).
const draft = await createSurvey(app.db, programme!.id, { title: "Utkast", status: "draft" });
await app.db.insert(s.surveySections).values({ surveyId: draft.survey.id, position: 2, title: "Andra delen" });

/** Presses Tab until the focused element has the given name (a field of the form). */
async function tabTo(page: Page, name: string) {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press("Tab");
		if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) === name) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test("a resident answers a survey with the keyboard alone", async () => {
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/enkater/${survey.id}`);
	assert.deepEqual(await axeViolations(page), [], "the survey page passes axe");
	assert.equal(await page.locator("h1").count(), 1);
	const [place, rating, uses, ranking, more] = questions;
	await tabTo(page, `q_${place!.id}`);
	await page.keyboard.press("ArrowDown"); // moves to and selects Bastuträsk
	await tabTo(page, `q_${rating!.id}`);
	await page.keyboard.press("Space");
	await page.keyboard.press("ArrowRight");
	await page.keyboard.press("ArrowRight"); // 3
	await tabTo(page, `q_${uses!.id}`);
	await page.keyboard.press("Space"); // Buss
	await tabTo(page, `q_${ranking!.id}_${ranking!.options[0]!.id}`);
	await page.keyboard.press("ArrowDown"); // the first option gets place 1
	await tabTo(page, `q_${more!.id}`);
	await page.keyboard.type("Tätare turer till Skellefteå på kvällen.");
	await page.keyboard.press("Tab");
	assert.equal(await page.evaluate(() => document.activeElement?.tagName), "BUTTON");
	await page.keyboard.press("Enter");
	await page.waitForURL(/\/tack$/);
	assert.deepEqual(await axeViolations(page), [], "the thank-you page passes axe");
	const [response] = await app.db.select().from(s.surveyResponses).where(eq(s.surveyResponses.surveyId, survey.id));
	assert.equal(response!.userId, null);
	const parts = await app.db.select().from(s.surveyAnswers).where(eq(s.surveyAnswers.responseId, response!.id));
	assert.equal(parts.find((p) => p.questionId === place!.id)?.optionId, place!.options[1]!.id);
	assert.equal(parts.find((p) => p.questionId === rating!.id)?.number, 3);
	assert.equal(parts.find((p) => p.questionId === uses!.id)?.optionId, uses!.options[0]!.id);
	assert.equal(parts.find((p) => p.questionId === ranking!.id)?.number, 1);
	assert.equal(parts.find((p) => p.questionId === more!.id)?.text, "Tätare turer till Skellefteå på kvällen.");
	await context.close();
});

test("a required answer left out shows its message, and the typed text is still there", async () => {
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/enkater/${survey.id}`);
	await tabTo(page, `q_${questions[4]!.id}`);
	await page.keyboard.type("Kvar efter felet");
	await page.keyboard.press("Tab");
	await page.keyboard.press("Enter");
	await page.getByText("Svara på frågan.").first().waitFor();
	assert.equal(await page.getByRole("textbox", { name: /Något mer\?/ }).inputValue(), "Kvar efter felet");
	assert.deepEqual(await axeViolations(page), [], "the form with errors passes axe");
	await context.close();
});

test("the coordinator's survey pages pass axe: builder, reopening, section deletion, results with 550 answers, free texts and paper entry", async () => {
	const [coordinator] = await app.db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	const { token } = await startSession(app.db, coordinator!.id);
	const { context, page } = await openPage(browser);
	await context.addCookies([{ name: "medskapa_session", value: token, url: app.url }]);
	for (const path of ["/admin/enkater", `/admin/enkater/${demoSurvey!.id}`, `/admin/enkater/${demoSurvey!.id}/resultat`, `/admin/enkater/${demoSurvey!.id}/fritext`, `/admin/enkater/${demoSurvey!.id}/papper`, `/admin/enkater/${survey.id}/fragor/ny`, `/admin/enkater/${draft.survey.id}/delar/${draft.section.id}`, `/enkater/${demoSurvey!.id}`]) {
		const res = await page.goto(`${app.url}${path}`);
		assert.equal(res?.status(), 200, path);
		assert.deepEqual(await axeViolations(page), [], `${path} passes axe`);
		assert.equal(await page.locator("h1").count(), 1, path);
	}
	await page.goto(`${app.url}/admin/enkater/${demoSurvey!.id}`);
	assert.equal(await page.getByRole("button", { name: "Öppna enkäten igen" }).count(), 1, "a closed survey offers to reopen it");
	await page.goto(`${app.url}/admin/enkater/${draft.survey.id}/delar/${draft.section.id}`);
	assert.equal(await page.getByRole("button", { name: "Ta bort delen" }).count(), 1, "a section of an unanswered survey with two sections can be deleted");
	assert.equal(await page.goto(`${app.url}/admin/enkater/${demoSurvey!.id}/papper`).then(() => page.evaluate(() => (document.activeElement as HTMLInputElement).name?.startsWith("q_"))), true, "the paper form starts at its first field");
	await context.close();
});
