import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("a facilitator finds who signed up for a workshop, with the export and the date names are deleted", async () => {
	const [workshop] = await app.db.select().from(s.workshops).where(eq(s.workshops.locality, "Kusfors"));
	assert.ok(workshop, "the demo has a workshop in Kusfors");
	await app.db.update(s.workshops).set({ registration: "named" }).where(eq(s.workshops.id, workshop.id));
	await app.db.insert(s.workshopRegistrations).values([
		{ workshopId: workshop.id, name: "Karin Kusfors", email: "karin@example.se" },
		{ workshopId: workshop.id, name: "Leif Lund", email: "leif@example.se" },
	]);
	const { context, page } = await signedInPage(browser, app, "samtalsledare@norsjo.example");
	await page.goto(`${app.url}/framtidsverkstader/${workshop.id}/anteckningar`);
	await page.getByRole("link", { name: "Se vilka som har anmält sig" }).click();
	await page.getByRole("heading", { level: 1, name: /Anmälda till Framtidsverkstad i Kusfors/ }).waitFor();
	await page.getByRole("cell", { name: "karin@example.se" }).waitFor();
	await page.getByText(/tas bort automatiskt .*30 dagar efter verkstaden|togs bort .*30 dagar efter verkstaden/).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the list of sign-ups passes axe");
	const download = page.waitForEvent("download");
	await page.getByRole("link", { name: "CSV för svenska Excel (semikolon)" }).click();
	assert.match((await download).suggestedFilename(), /^anmalda-.*\.csv$/);
	const workbook = page.waitForEvent("download");
	await page.getByRole("link", { name: "Excel (.xlsx)" }).click();
	assert.match((await workbook).suggestedFilename(), /^anmalda-.*\.xlsx$/);
	await context.close();
});

test("a coordinator chooses a workshop's locality from the programme's list or types another", async () => {
	const { context, page } = await signedInPage(browser, app, "samordnare@norsjo.example");
	await page.goto(`${app.url}/admin/framtidsverkstader/ny`);
	await page.getByRole("heading", { level: 1, name: "Ny framtidsverkstad" }).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the workshop form passes axe");
	await page.getByRole("textbox", { name: /^Rubrik/ }).fill("Framtidsverkstad i Sävar");
	await page.getByRole("textbox", { name: /^Datum/ }).fill("2018-11-20");
	await page.getByRole("textbox", { name: /^Plats/ }).fill("Folkets hus");
	await page.getByRole("combobox", { name: /^Ort/ }).selectOption({ label: "Annan ort" });
	await page.getByRole("textbox", { name: /^Antal platser/ }).fill("20");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("alert").getByText(/Skriv vilken ort/).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the form with an error passes axe");
	assert.equal(await page.getByRole("textbox", { name: /^Rubrik/ }).inputValue(), "Framtidsverkstad i Sävar");
	await page.getByRole("textbox", { name: /^Annan ort: vilken/ }).fill("Sävar");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByText("Framtidsverkstaden är skapad.").waitFor();
	const [stored] = await app.db.select().from(s.workshops).where(eq(s.workshops.title, "Framtidsverkstad i Sävar"));
	assert.equal(stored?.locality, "Sävar");
	await context.close();
});

test("the account page says what deleting the account does to ideas, sign-ups and survey answers", async () => {
	const { context, page } = await signedInPage(browser, app, "invanare1@norsjo.example");
	await page.goto(`${app.url}/account`);
	await page.getByText(/Vi tar bort dem i stället för att avidentifiera dem/).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the account page passes axe");
	await context.close();
});
