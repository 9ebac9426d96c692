import assert from "node:assert/strict";
import { test } from "node:test";
import { launchBrowser, noAxeViolations, openPage, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("the demo carries its own look: logo with its text alternative, colours, favicon", async () => {
	for (const width of [390, 1280]) {
		const { context, page } = await openPage(browser, width);
		await page.goto(app.url);
		const logo = page.getByRole("link", { name: "Norsjö kommun Norsjöbygden 2040" }).getByRole("img", { name: "Norsjö kommun" });
		assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), "the logo loads");
		assert.equal(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(23, 80, 110)");
		assert.match(await page.title(), /– Norsjöbygden 2040$/);
		await noAxeViolations(page, `the start page at ${width} px`);
		const icon = await page.request.get(`${app.url}/favicon.ico`);
		assert.equal(icon.status(), 200);
		assert.equal(icon.headers()["content-type"], "image/svg+xml");
		await context.close();
	}
});

test("an administrator's colour below WCAG AA is refused with its ratio; a passing one colours every page", async () => {
	const { context, page } = await signedInPage(browser, app, "admin@medskapa.example");
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto(`${app.url}/admin`);
	await page.getByRole("link", { name: "Webbplatsens utseende" }).click();
	await noAxeViolations(page, "the look's page");

	const colour = page.getByRole("textbox", { name: /Huvudfärg/ });
	await colour.fill("#ffcc00");
	await colour.press("Enter");
	const summary = page.getByRole("alert");
	await summary.getByText(/Vit text på #ffcc00 har kontrasten 1,5:1, men WCAG AA kräver minst 4,5:1/).waitFor();
	assert.equal(await colour.inputValue(), "#ffcc00", "what was typed is kept");
	await noAxeViolations(page, "the refused look");

	await page.setViewportSize({ width: 1280, height: 800 });
	await colour.fill("#6b2c7a");
	await colour.press("Enter");
	await page.getByRole("status").getByText("Namnet och färgerna är sparade och syns nu på alla sidor.").waitFor();
	await page.goto(`${app.url}/vision`);
	assert.equal(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(107, 44, 122)");
	await noAxeViolations(page, "the vision in the new colour");
	await context.close();
});
