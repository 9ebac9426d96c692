import assert from "node:assert/strict";
import { test } from "node:test";
import { launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("a visitor switches the site to English and back", async () => {
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/tillganglighet`);
	assert.equal(await page.locator("html").getAttribute("lang"), "sv");

	await page.getByRole("link", { name: "In English" }).click();
	await page.waitForURL(`${app.url}/tillganglighet`);
	assert.equal(await page.locator("html").getAttribute("lang"), "en");
	assert.match((await page.locator("h1").textContent()) ?? "", /^Accessibility of /);
	assert.ok(await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Home" }).isVisible());

	await page.getByRole("link", { name: "På svenska" }).click();
	await page.waitForURL(`${app.url}/tillganglighet`);
	assert.equal(await page.locator("html").getAttribute("lang"), "sv");
	await context.close();
});
