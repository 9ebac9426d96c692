import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import * as s from "../src/schema.js";
import { codesForPrint, issueCodes } from "../src/modules/votes/votes.service.js";
import { createOpenVote, createUser } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

/** Presses Tab until the element has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press("Tab");
	}
	assert.fail(`${what} cannot be reached with the Tab key`);
}

test("a resident votes with a letter code using the keyboard alone", async () => {
	const [programme] = await app.db.select({ id: s.programmes.id }).from(s.programmes).limit(1);
	const { vote, options } = await createOpenVote(app.db, programme!.id, { channels: "code,paper" });
	const admin = await createUser(app.db, { isAdministrator: true });
	const viewer = { ...admin, memberships: [] };
	await issueCodes(app.db, viewer, vote.id, { count: "1" });
	const [letter] = (await codesForPrint(app.db, viewer, vote.id)).codes;
	assert.ok(letter, "a code was issued for the letter");

	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/omrostning/${vote.id}`);
	assert.deepEqual(await axeViolations(page), [], "the voting page passes axe");

	const first = page.getByRole("radio", { name: new RegExp(options[0]!.title) });
	await tabTo(page, first, "the first proposal");
	await page.keyboard.press("Space");
	assert.ok(await first.isChecked(), "the first proposal is chosen");

	await tabTo(page, page.getByRole("textbox", { name: /Kod från ditt brev/ }), "the code field");
	await page.keyboard.type(letter.code.toLowerCase());
	await tabTo(page, page.getByRole("button", { name: "Rösta med koden" }), "the vote button");
	await page.keyboard.press("Enter");

	await page.waitForURL(/\/kvitto\?/);
	await page.getByText("Tack! Din röst är mottagen och räknad.").waitFor();
	assert.deepEqual(await axeViolations(page), [], "the receipt page passes axe");

	await page.goto(`${app.url}/omrostning/${vote.id}`);
	await tabTo(page, first, "the first proposal");
	await page.keyboard.press("Space");
	await tabTo(page, page.getByRole("textbox", { name: /Kod från ditt brev/ }), "the code field");
	await page.keyboard.type(letter.code);
	await page.keyboard.press("Enter");
	await page.getByText(/har redan använts för att rösta/).first().waitFor();
	assert.deepEqual(await axeViolations(page), [], "the refusal passes axe");
	await context.close();
});
