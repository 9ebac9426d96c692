// Radios and checkboxes keep one size beside their labels at phone and desktop widths, a 1–5 scale reads
// left to right, and the main menu folds behind one button on a phone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import type { Locator } from "playwright-core";
import * as s from "../src/schema.js";
import { createOpenVote, createSurvey } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const [programme] = await app.db.select().from(s.programmes);
const { vote, options } = await createOpenVote(app.db, programme!.id, { maxChoices: 1 });
const long = "Med öppenhet, mod och ny teknik skapar vi tillsammans en bygd där människor, företag och föreningar växer, där barn och unga vill stanna och där den som flyttar hit möts av värme. ".repeat(2);
await app.db.update(s.voteOptions).set({ subtext: long }).where(eq(s.voteOptions.voteId, vote.id));
const { survey } = await createSurvey(app.db, programme!.id, {
	questions: [
		{ kind: "single", text: "Var bor du?", options: ["Norsjö", "Bastuträsk", "Kusfors"] },
		{ kind: "rating", text: "Hur nöjd är du med bussarna?", lowLabel: "Inte alls", highLabel: "Mycket" },
	],
});

/** The box of a radio and of its label: sizes and where the label starts. */
async function boxes(radio: Locator) {
	const id = await radio.getAttribute("id");
	const r = await radio.boundingBox();
	const l = await radio.page().locator(`label[for="${id}"]`).boundingBox();
	assert.ok(r && l, "the radio and its label are on the page");
	return { r, l };
}

for (const width of [390, 1280]) {
	test(`on the ballot at ${width} px every radio is 24 × 24 px with its proposal beside it`, async () => {
		const { context, page } = await openPage(browser, width);
		await page.goto(`${app.url}/omrostning/${vote.id}`);
		for (const o of options) {
			const { r, l } = await boxes(page.getByRole("radio", { name: new RegExp(o.title) }));
			assert.equal(Math.round(r.width), 24, `the radio of ${o.title} is 24 px wide`);
			assert.equal(Math.round(r.height), 24, `the radio of ${o.title} is 24 px high`);
			assert.ok(l.x >= r.x + r.width, "the label starts to the right of the radio");
			assert.ok(Math.abs(l.y - r.y) < 8, "the label starts on the radio's line");
		}
		await context.close();
	});

	test(`on a survey at ${width} px each label sits beside its radio and the 1–5 scale is one row`, async () => {
		const { context, page } = await openPage(browser, width);
		await page.goto(`${app.url}/enkater/${survey.id}`);
		const place = await boxes(page.getByRole("radio", { name: "Bastuträsk" }));
		assert.ok(place.l.x >= place.r.x + place.r.width && Math.abs(place.l.y - place.r.y) < 8, "Bastuträsk is beside its radio");
		const scale = page.getByRole("group", { name: /Hur nöjd är du med bussarna/ }).getByRole("radio");
		assert.equal(await scale.count(), 5);
		const tops = await Promise.all((await scale.all()).slice(0, 3).map(async (r) => (await r.boundingBox())!.y));
		assert.ok(Math.max(...tops) - Math.min(...tops) < 4, `1, 2 and 3 of the scale are on one row (tops ${tops.join(", ")})`);
		assert.deepEqual(await axeViolations(page), []);
		await context.close();
	});
}

test("on a phone the main menu folds behind one button that opens it", async () => {
	const { context, page } = await openPage(browser, 390);
	await page.goto(app.url);
	const header = await page.getByRole("banner").boundingBox();
	assert.ok(header && header.height <= 80, `the header takes ${header?.height} px`);
	const menu = page.getByRole("button", { name: "Meny" });
	assert.equal(await menu.getAttribute("aria-expanded"), "false");
	const focusAreas = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Fokusområden" });
	assert.equal(await focusAreas.isVisible(), false, "the menu's links are folded away");
	await menu.focus();
	await page.keyboard.press("Enter");
	assert.equal(await menu.getAttribute("aria-expanded"), "true");
	await focusAreas.click();
	await page.waitForURL(/\/fokusomraden$/);
	assert.deepEqual(await axeViolations(page), []);
	await context.close();
});

test("on a desktop the whole menu shows without a button", async () => {
	const { context, page } = await openPage(browser, 1280);
	await page.goto(app.url);
	assert.equal(await page.getByRole("button", { name: "Meny" }).isVisible(), false);
	assert.ok(await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Delaktighet" }).isVisible());
	await context.close();
});
