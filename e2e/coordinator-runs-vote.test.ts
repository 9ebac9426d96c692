import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { personalNumber } from "../test/factories.js";
import { launchBrowser, noAxeViolations, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const coordinatorEmail = "samordnare@norsjo.example";

/** A moment as the new-vote form takes it: Swedish time, YYYY-MM-DD HH:MM. */
const swedishTime = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d);

async function createVote(page: Page, title: string): Promise<void> {
	await page.goto(`${app.url}/admin/votes`);
	await page.getByRole("textbox", { name: "Rubrik" }).fill(title);
	await page.getByRole("textbox", { name: /^Öppnar/ }).fill(swedishTime(new Date(Date.now() - 3_600_000)));
	await page.getByRole("textbox", { name: /^Stänger/ }).fill(swedishTime(new Date(Date.now() + 86_400_000)));
	await page.getByRole("button", { name: "Skapa omröstningen" }).click();
	await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

test("the coordinator opens a vote after a confirmation, issues codes, enters paper, closes it early and publishes; then nothing can be added", async () => {
	const { context, page } = await signedInPage(browser, app, coordinatorEmail);
	await createVote(page, "Extra omröstning om vardagen");
	await page.getByText(/Omröstningen är inte öppnad/).waitFor();

	await page.getByRole("link", { name: "Öppna omröstningen …" }).click();
	await page.getByRole("heading", { level: 1, name: "Öppna omröstningen?" }).waitFor();
	await page.getByText(/texter hämtas en sista gång och fryses/).waitFor();
	await noAxeViolations(page, "the confirmation before opening");
	await page.getByRole("button", { name: "Ja, öppna omröstningen och frys texterna" }).click();
	await page.getByRole("status").filter({ hasText: "Omröstningen är öppnad och texterna är frysta." }).waitFor();
	await page.getByText(/Då visas knappen ”Stäng och publicera resultatet” här/).waitFor();

	await page.getByRole("textbox", { name: "Antal koder" }).fill("3");
	await page.getByRole("button", { name: "Skapa koder" }).click();
	await page.getByRole("status").filter({ hasText: "Nya koder skapade: 3." }).waitFor();

	const person = personalNumber("19600606");
	const paper = page.getByRole("textbox", { name: /Pappersröster, en per rad/ });
	await paper.fill(`${person} 1`);
	await page.getByRole("button", { name: "Registrera pappersrösterna" }).click();
	await page.getByText(/1 röstande är avprickade/).waitFor();
	await paper.fill(`${person} 2`);
	await page.getByRole("button", { name: "Registrera pappersrösterna" }).click();
	await page.getByRole("cell", { name: /Personen har redan röstat i den här omröstningen/ }).waitFor();
	assert.equal(await page.getByText("Du har redan röstat").count(), 0, "the official is not addressed as the voter");
	await noAxeViolations(page, "the vote's page during voting");

	await page.getByRole("link", { name: "Stäng omröstningen nu …" }).click();
	await page.getByRole("heading", { level: 1, name: "Stänga omröstningen i förtid?" }).waitFor();
	await page.getByRole("button", { name: "Ja, stäng omröstningen nu" }).click();
	await page.getByText(/Röstningen stängde/).waitFor();

	await page.getByRole("link", { name: "Stäng och publicera resultatet …" }).click();
	await page.getByRole("heading", { level: 1, name: "Publicera resultatet?" }).waitFor();
	await page.getByRole("button", { name: "Ja, publicera resultatet" }).click();
	await page.getByRole("heading", { level: 1, name: "Resultat av omröstningen" }).waitFor();

	await page.goBack();
	await page.reload();
	await page.getByText(/Omröstningen är avslutad/).waitFor();
	for (const field of [/Pappersröster, en per rad/, /Röstlängd/, "Antal koder"]) assert.equal(await page.getByRole("textbox", { name: field }).count(), 0, `no field ${field}`);
	assert.equal(await page.getByRole("button", { name: "Skapa koder" }).count(), 0);
	assert.equal(await page.getByText(/Omröstningen pågår|Röstningen pågår/).count(), 0);
	await noAxeViolations(page, "the published vote's page");
	await context.close();
});

test("a vote not yet opened is deleted after a confirmation that says what goes with it", async () => {
	const { context, page } = await signedInPage(browser, app, coordinatorEmail);
	await createVote(page, "Omröstning som blev fel");
	await page.getByRole("link", { name: "Ta bort omröstningen …" }).click();
	await page.getByRole("heading", { level: 1, name: "Ta bort omröstningen?" }).waitFor();
	await page.getByText(/tas bort med sin röstlängd, sina koder och sin logg/).waitFor();
	await noAxeViolations(page, "the confirmation before deleting");
	await page.getByRole("button", { name: "Ja, ta bort omröstningen" }).click();
	await page.getByRole("status").filter({ hasText: "Omröstningen är borttagen." }).waitFor();
	assert.equal(await page.getByRole("link", { name: "Omröstning som blev fel" }).count(), 0);
	await context.close();
});
