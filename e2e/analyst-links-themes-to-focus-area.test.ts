import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { themes } from "../src/modules/synthesis/synthesis.schema.js";
import { launchBrowser, noAxeViolations, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

// An export from another survey tool, as Netigate writes it: semicolons, a header row.
const exportFile = [
	"Svar;Ort",
	"En riktig badplats vid Storsjön med brygga och bastu;Norsjö",
	"Badplatsen i Bastuträsk behöver sand och en brygga;Bastuträsk",
	"Snöröjningen på Storgatan kommer alldeles för sent;Norsjö",
	"Plogbilen glömmer vår väg i Kusfors varje vinter;Kusfors",
	"",
].join("\n");

test("an analyst imports a file, accepts a suggested theme, links it to a focus area, and the public page shows it", async () => {
	const [area] = await app.db.select().from(s.focusAreas).where(eq(s.focusAreas.name, "Vår miljö"));
	assert.ok(area, "the demo has the focus area Vår miljö");
	const { context, page } = await signedInPage(browser, app, "analytiker@norsjo.example");

	// The analyst is not a coordinator: the menu leads to the workspace all the same.
	await page.goto(app.url);
	await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Analys av inspel" }).click();
	await page.getByRole("heading", { level: 1, name: "Analys av inspel" }).waitFor();
	await noAxeViolations(page, "the workspace");

	await page.getByRole("link", { name: "Importera enkätsvar" }).click();
	await page.getByRole("heading", { level: 1, name: "Importera från andra enkätverktyg" }).waitFor();
	await noAxeViolations(page, "the imports page");
	await page.getByLabel(/^Fil/).setInputFiles({ name: "netigate-badplatser.csv", mimeType: "text/csv", buffer: Buffer.from(exportFile, "utf8") });
	await page.getByRole("button", { name: "Ladda upp och förhandsgranska" }).click();
	await page.getByRole("heading", { level: 1, name: "Import av netigate-badplatser.csv" }).waitFor();
	await page.getByRole("table", { name: "De första raderna i filen" }).getByRole("cell", { name: /Storsjön/ }).waitFor();
	await noAxeViolations(page, "an import's preview and mapping");
	await page.getByLabel(/^Fritext \(svaret\)/).selectOption({ label: "Svar" });
	await page.getByLabel(/^Ort/).selectOption({ label: "Ort" });
	await page.getByRole("button", { name: "Importera" }).click();
	// Saving runs in the background: the page says how far it has come and refreshes that by itself until it is done.
	await page.getByRole("status").getByText(/4 nya inspel av 4 rader/).waitFor({ timeout: 30_000 });
	await noAxeViolations(page, "a finished import");

	// Themes suggested from the imported answers on our own server; the analyst accepts one under a better name.
	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Föreslagna teman" }).click();
	await page.getByRole("combobox", { name: /^Vilka inspel/ }).selectOption({ label: "En källa" });
	await page.getByRole("combobox", { name: /^Källa/ }).selectOption({ label: "Importerat enkätsvar" });
	await page.getByRole("textbox", { name: /^Antal teman/ }).fill("2");
	await page.getByRole("region", { name: "Föreslå teman" }).getByRole("button", { name: "Föreslå teman" }).click();
	for (let i = 0; i < 60 && !(await page.getByText(/^Klart:/).isVisible()); i++) {
		await page.waitForTimeout(500);
		await page.reload();
	}
	await noAxeViolations(page, "the suggested themes");
	const suggestion = page.getByRole("article").filter({ hasText: "Storsjön" });
	await suggestion.getByRole("textbox", { name: /^Namn/ }).fill("Badplatser");
	await suggestion.getByRole("button", { name: "Godta som tema" }).click();
	await page.getByRole("link", { name: /Badplatser/ }).first().waitFor();

	await page.goto(`${app.url}/analys`);
	await page.getByRole("link", { name: "Koppla teman till fokusområden och visionsförslag" }).click();
	await page.getByRole("heading", { level: 1, name: "Fokusområden och deras teman" }).waitFor();
	await noAxeViolations(page, "the list of focus areas to link");
	await page.getByRole("link", { name: "Vår miljö" }).click();
	await page.getByRole("heading", { level: 1, name: "Fokusområdet Vår miljö bygger på" }).waitFor();
	await page.getByRole("checkbox", { name: /^Badplatser \(\d+ inspel\)/ }).check();
	await page.getByRole("button", { name: "Spara kopplingarna" }).click();
	await page.getByRole("status").getByText("Fokusområdets teman är sparade.").waitFor();
	await page.getByRole("row", { name: /Badplatser Analytiker \(demo\)/ }).waitFor();
	await noAxeViolations(page, "a focus area's links to themes");

	await page.getByRole("link", { name: "Se den offentliga sidan" }).click();
	await page.getByRole("heading", { level: 1, name: "Vår miljö" }).waitFor();
	const trace = page.getByRole("region", { name: "Vad invånarna sa" });
	await trace.getByText(/Bygger på [\d\s]+ inspel från [\d\s]+ deltagare\./).waitFor();
	await trace.getByRole("link", { name: "Badplatser" }).click();
	await page.getByRole("heading", { level: 1, name: "Tema: Badplatser" }).waitFor();
	await page.getByText(/Bygger på \d+ inspel från \d+ deltagare\./).first().waitFor();
	// An import's answers count, but its survey promised nothing, so they are never quoted.
	await page.getByText("Inga av temats inspel får citeras offentligt.").waitFor();
	assert.equal(await page.getByText(/badplats vid Storsjön/).count(), 0);
	await page.getByRole("link", { name: "Vår miljö" }).waitFor();
	await noAxeViolations(page, "a theme's public page");
	await context.close();
});

test("linking a theme merged away meanwhile is refused by name; a proposal's links and public page pass axe", async () => {
	const { context, page } = await signedInPage(browser, app, "analytiker@norsjo.example");
	await page.goto(`${app.url}/analys/visionsforslag`);
	await page.getByRole("heading", { level: 1, name: "Visionsförslagen och deras teman" }).waitFor();
	await noAxeViolations(page, "the list of proposals to link");
	await page.getByRole("link", { name: /Förslag 5: Världens bästa vardag/ }).click();
	await page.getByRole("heading", { level: 1, name: /Förslag 5: Världens bästa vardag bygger på/ }).waitFor();

	// Another analyst merges a theme while this form is open.
	await page.getByRole("checkbox", { name: /^Vår miljö/ }).check();
	const [gone] = await app.db.select().from(themes).where(eq(themes.name, "Vår miljö"));
	const [into] = await app.db.select().from(themes).where(eq(themes.name, "En rik och attraktiv fritid"));
	await app.db.update(themes).set({ mergedIntoId: into!.id }).where(eq(themes.id, gone!.id));
	await page.getByRole("button", { name: "Spara kopplingarna" }).click();
	await page.getByRole("alert").getByText(/Temat Vår miljö har slagits ihop med En rik och attraktiv fritid under tiden/).waitFor();
	await noAxeViolations(page, "a refused link form");
	await app.db.update(themes).set({ mergedIntoId: null }).where(eq(themes.id, gone!.id));

	await page.getByRole("link", { name: "Se den offentliga sidan" }).click();
	await page.getByRole("heading", { level: 1, name: /Förslag 5: Världens bästa vardag/ }).waitFor();
	await page.getByRole("region", { name: "Vad invånarna sa" }).waitFor();
	await noAxeViolations(page, "a proposal's public page");
	await context.close();
});
