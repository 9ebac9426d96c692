import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { themes, themeTaggings } from "../src/modules/synthesis/synthesis.schema.js";
import { launchBrowser, noAxeViolations, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("an analyst has themes suggested from the demo's inputs, watches the run, and accepts one as a theme", { timeout: 180_000 }, async () => {
	const { context, page } = await signedInPage(browser, app, "analytiker@norsjo.example");
	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Föreslagna teman" }).click();
	await page.getByRole("heading", { level: 1, name: "Föreslagna teman" }).waitFor();
	await noAxeViolations(page, "the suggestions page before a run");

	await page.getByRole("textbox", { name: /Antal teman/ }).fill("1");
	await page.getByRole("button", { name: "Föreslå teman", exact: true }).click();
	await page.getByRole("alert").getByText("Skriv ett tal mellan 2 och 30.").waitFor();
	assert.equal(await page.getByRole("textbox", { name: /Antal teman/ }).inputValue(), "1", "what was typed stays");
	await noAxeViolations(page, "the suggestions page with an error");

	await page.getByRole("textbox", { name: /Antal teman/ }).fill("");
	await page.getByRole("button", { name: "Föreslå teman", exact: true }).click();
	await page.getByText("Körningen har startat.").waitFor();
	// While the run works the page shows how far it has come, and refreshes that part by itself: no reload, so what
	// the analyst types meanwhile stays; the live region says once that the run is done.
	await page.getByRole("progressbar", { name: "Hur långt körningen har kommit" }).waitFor();
	await noAxeViolations(page, "the suggestions page while a run works");
	await page.getByRole("textbox", { name: /Slumpfrö/ }).fill("7");
	await page.getByRole("region", { name: "Senaste förslagen" }).getByRole("status").filter({ hasText: /^Klart:/ }).waitFor({ timeout: 120_000 });
	await page.getByText(/Utmärkande ord/).first().waitFor();
	assert.equal(await page.getByRole("textbox", { name: /Slumpfrö/ }).inputValue(), "7", "the page was not reloaded");
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		await noAxeViolations(page, `the suggestions at ${width} px`);
	}

	const first = page.getByRole("form", { name: /Godta eller byt namn på förslaget/ }).first();
	await first.getByRole("textbox", { name: /Namn/ }).fill("Skidspår och friluftsliv");
	await first.getByRole("button", { name: "Godta som tema" }).click();
	await page.getByText("Temat är godtaget och dess inspel är taggade med det.").waitFor();
	await page.getByRole("link", { name: "Till temat Skidspår och friluftsliv" }).waitFor();
	const [theme] = await app.db.select().from(themes).where(eq(themes.name, "Skidspår och friluftsliv"));
	const tagged = await app.db.select().from(themeTaggings).where(eq(themeTaggings.themeId, theme!.id));
	assert.ok(tagged.length > 0, "the accepted theme carries its inputs");
	await context.close();
});
