import assert from "node:assert/strict";
import { test } from "node:test";
import { lastCodeTo } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("a resident signs in with a code sent by e-mail, using only the keyboard", async () => {
	const email = "invanare@example.se";
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/sign-in`);

	await page.getByRole("textbox", { name: /E-postadress/ }).focus();
	await page.keyboard.type(email);
	await page.keyboard.press("Enter");
	await page.waitForURL(/\/sign-in\/code\//);
	assert.deepEqual(await axeViolations(page), [], "the code page passes axe");
	assert.equal(await page.locator("h1").count(), 1);

	const code = lastCodeTo(email);

	await page.getByRole("textbox", { name: /Kod/ }).focus();
	await page.keyboard.type(code);
	await page.keyboard.press("Enter");
	await page.getByText(`Inloggad som ${email}`).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the page after sign-in passes axe");
	await context.close();
});
