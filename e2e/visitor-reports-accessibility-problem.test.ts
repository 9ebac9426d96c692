import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("a visitor reports an accessibility problem, first forgetting the description", async () => {
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/tillganglighet`);

	await page.getByRole("textbox", { name: /Vilken sida gäller det/ }).fill("Startsidan");
	await page.getByRole("button", { name: "Skicka rapporten" }).click();
	await page.getByRole("alert").getByRole("link", { name: /Vad är problemet\?: Fyll i fältet/ }).waitFor();
	assert.equal(await page.getByRole("textbox", { name: /Vilken sida gäller det/ }).inputValue(), "Startsidan");
	assert.deepEqual(await axeViolations(page), [], "the page with errors passes axe");

	await page.getByRole("textbox", { name: /Vad är problemet/ }).fill("Tidslinjen läses upp i fel ordning");
	await page.getByRole("button", { name: "Skicka rapporten" }).click();
	// The form posts to /tillganglighet#report, and the browser keeps that fragment through the redirect.
	await page.waitForURL(/\/tillganglighet\/tack(#report)?$/);
	assert.ok(await page.getByRole("heading", { level: 1, name: "Tack för din rapport" }).isVisible());
	assert.deepEqual(await axeViolations(page), [], "the thank-you page passes axe");

	const mails = await app.db.select().from(s.outbox).where(eq(s.outbox.recipient, "admin@medskapa.example"));
	assert.ok(mails.some((m) => m.body.includes("Tidslinjen läses upp i fel ordning")));
	await context.close();
});
