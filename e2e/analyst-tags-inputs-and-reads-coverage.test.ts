import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { themes, themeTaggings } from "../src/modules/synthesis/synthesis.schema.js";
import { launchBrowser, noAxeViolations, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("the coordinator makes an analyst; a bad address is refused with what was typed kept", async () => {
	const { context, page } = await signedInPage(browser, app, "samordnare@norsjo.example");
	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Analytiker" }).click();
	await page.getByRole("heading", { level: 1, name: "Analytiker" }).waitFor();
	await page.getByRole("table", { name: "Analytiker" }).getByRole("row", { name: /Analytiker \(demo\)/ }).waitFor();
	await noAxeViolations(page, "the analysts page");

	await page.getByRole("textbox", { name: /^E-postadress/ }).fill("inte en adress");
	await page.getByRole("button", { name: "Gör till analytiker" }).click();
	await page.getByRole("alert").waitFor();
	assert.equal(await page.getByRole("textbox", { name: /^E-postadress/ }).inputValue(), "inte en adress");
	await noAxeViolations(page, "the analysts page with an error");
	await context.close();
});

test("an analyst makes a theme, tags every input matching a search, splits some off, and reads the coverage", async () => {
	const { context, page } = await signedInPage(browser, app, "analytiker@norsjo.example");
	await page.goto(`${app.url}/analys`);

	// A theme with no name is refused; the description typed stays.
	await page.getByRole("textbox", { name: /^Beskrivning/ }).fill("Skidspår, skoterleder och elljusspår");
	await page.getByRole("button", { name: "Skapa tema" }).click();
	await page.getByRole("alert").waitFor();
	assert.equal(await page.getByRole("textbox", { name: /^Beskrivning/ }).inputValue(), "Skidspår, skoterleder och elljusspår");
	await noAxeViolations(page, "the workspace with an error");
	await page.getByRole("textbox", { name: /^Namn/ }).fill("Spår och leder");
	await page.getByRole("button", { name: "Skapa tema" }).click();
	await page.getByRole("heading", { level: 1, name: "Spår och leder" }).waitFor();
	await page.getByText("Inga inspel är taggade med temat än.").waitFor();
	await noAxeViolations(page, "an empty theme's page");

	// Tag from a search: every input matching, not only those on the screen.
	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Tagga inspel" }).click();
	await page.getByRole("heading", { level: 1, name: "Tagga inspel" }).waitFor();
	await noAxeViolations(page, "the tagging page");
	await page.getByRole("textbox", { name: /^Sök/ }).fill("skidspår");
	await page.getByRole("button", { name: "Sök", exact: true }).click();
	await page.getByText(/^\d+ inspel matchar/).waitFor();
	await page.getByRole("combobox", { name: /^Tema/ }).selectOption({ label: "Spår och leder" });
	await page.getByRole("button", { name: /^Tagga alla \d+ som matchar/ }).click();
	await page.getByText("Inspelen är taggade.").waitFor();
	assert.equal(await page.getByRole("textbox", { name: /^Sök/ }).inputValue(), "skidspår", "the search stays");
	// Tagging with no theme chosen is refused by name.
	await page.getByRole("checkbox", { name: /^Välj inspelet/ }).first().check();
	await page.getByRole("button", { name: "Tagga valda" }).click();
	await page.getByRole("alert").getByText("Välj ett tema.").waitFor();
	await noAxeViolations(page, "the tagging page with an error");

	const [theme] = await app.db.select().from(themes).where(eq(themes.name, "Spår och leder"));
	const tagged = await app.db.select().from(themeTaggings).where(eq(themeTaggings.themeId, theme!.id));
	assert.ok(tagged.length >= 2, `tagged ${tagged.length}`);

	// The theme's page lists them with who tagged them; one is split off into a theme of its own.
	await page.goto(`${app.url}/analys/teman/${theme!.id}`);
	await page.getByRole("heading", { level: 2, name: `Inspel i temat (${tagged.length})` }).waitFor();
	await page.getByRole("cell", { name: "Analytiker (demo)" }).first().waitFor();
	await noAxeViolations(page, "a theme's page");
	await page.getByRole("checkbox", { name: /^Välj inspelet/ }).first().check();
	await page.getByRole("button", { name: "Dela ut till nytt tema" }).click();
	await page.getByRole("alert").waitFor();
	await noAxeViolations(page, "a theme's page with an error");
	await page.getByRole("checkbox", { name: /^Välj inspelet/ }).first().check();
	await page.getByRole("textbox", { name: /^Namn på det nya temat/ }).fill("Elljusspåret");
	await page.getByRole("button", { name: "Dela ut till nytt tema" }).click();
	await page.getByText("Det nya temat är skapat.").waitFor();

	// Coverage: the share tagged, where each theme's inputs come from, and a way to what fits no theme yet.
	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Täckning" }).click();
	await page.getByRole("heading", { level: 1, name: "Täckning" }).waitFor();
	await page.getByRole("table", { name: "Var temanas inspel kommer ifrån" }).getByRole("rowheader", { name: "Spår och leder" }).waitFor();
	await noAxeViolations(page, "the coverage page");
	await page.getByRole("link", { name: /inspel passar inget tema än/ }).click();
	await page.getByRole("heading", { level: 1, name: "Tagga inspel" }).waitFor();
	assert.equal(await page.getByRole("combobox", { name: /^Visa/ }).inputValue(), "untagged");
	await context.close();
});
