import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("a facilitator enters what the groups wrote, one note per line, and the headcount", async () => {
	const [workshop] = await app.db.select().from(s.workshops).where(eq(s.workshops.locality, "Kusfors"));
	assert.ok(workshop, "the demo has a workshop in Kusfors");
	const { context, page } = await signedInPage(browser, app, "samtalsledare@norsjo.example");

	await page.goto(`${app.url}/framtidsverkstader/${workshop.id}`);
	await page.getByRole("link", { name: "Skriv in anteckningar och antal deltagare" }).click();
	await page.getByRole("heading", { level: 1, name: /Anteckningar från Framtidsverkstad i Kusfors/ }).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the facilitator's page passes axe");

	await page.getByRole("textbox", { name: /Bord eller grupp/ }).fill("Bord 4");
	await page.getByRole("textbox", { name: /Fråga som gruppen svarade på/ }).fill("Vad saknas i Kusfors?");
	await page.getByRole("textbox", { name: /Anteckningar, en per rad/ }).fill("En lekplats vid skolan\nBättre vägunderhåll på vintern");
	await page.getByRole("button", { name: "Spara anteckningarna" }).click();
	await page.getByText("Anteckningarna är sparade.").waitFor();
	// Ready for the next note of the same group: group and question stay filled in.
	assert.equal(await page.getByRole("textbox", { name: /Bord eller grupp/ }).inputValue(), "Bord 4");
	await page.getByRole("heading", { name: "Bord 4: Vad saknas i Kusfors?" }).waitFor();
	await page.getByText("En lekplats vid skolan").waitFor();

	await page.getByRole("textbox", { name: /Anteckningar, en per rad/ }).fill("");
	await page.getByRole("button", { name: "Spara anteckningarna" }).click();
	await page.getByRole("alert").getByText(/Fyll i fältet/).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the page with an error passes axe");

	await page.getByRole("textbox", { name: /^Antal deltagare/ }).fill("37");
	await page.getByRole("button", { name: "Spara deltagare och sammanfattning" }).click();
	await page.getByRole("status").getByText("Deltagarna och sammanfattningen är sparade.").waitFor();
	const [stored] = await app.db.select().from(s.workshops).where(eq(s.workshops.id, workshop.id));
	assert.equal(stored!.headcount, 37);

	// A note typed wrong is corrected, its first wording kept in the history.
	await page.getByRole("link", { name: "Rätta eller återkalla: Bättre vägunderhåll på vintern" }).click();
	await page.getByRole("heading", { level: 1, name: "Rätta eller återkalla en anteckning" }).waitFor();
	await page.getByRole("textbox", { name: /^Anteckningen/ }).fill("Bättre väg- och gatuunderhåll på vintern");
	await page.getByRole("button", { name: "Spara rättelsen" }).click();
	await page.getByRole("status").getByText("Anteckningen är rättad.").waitFor();
	await page.getByText("Bättre väg- och gatuunderhåll på vintern").waitFor();
	await page.getByRole("link", { name: "Rätta eller återkalla: Bättre väg- och gatuunderhåll på vintern" }).click();
	const history = page.getByRole("region", { name: "Tidigare lydelser" });
	await history.getByRole("listitem").filter({ hasText: "Bättre vägunderhåll på vintern" }).waitFor();
	assert.deepEqual(await axeViolations(page), [], "the correction page passes axe");

	// Withdrawing asks for a tick first; then the note leaves the public page.
	const withdraw = page.getByRole("region", { name: "Återkalla anteckningen" });
	await withdraw.getByRole("button", { name: "Återkalla" }).click();
	await page.getByText("Kryssa i rutan för att bekräfta att anteckningen ska återkallas.").first().waitFor();
	assert.equal(await page.getByRole("textbox", { name: /^Anteckningen/ }).inputValue(), "Bättre väg- och gatuunderhåll på vintern");
	await page.getByRole("checkbox", { name: /Ja, återkalla anteckningen/ }).check();
	await page.getByRole("region", { name: "Återkalla anteckningen" }).getByRole("button", { name: "Återkalla" }).click();
	await page.getByText("Anteckningen är återkallad.").waitFor();
	await page.goto(`${app.url}/framtidsverkstader/${workshop.id}`);
	await page.getByText("En lekplats vid skolan").waitFor();
	assert.equal(await page.getByText("Bättre väg- och gatuunderhåll på vintern").count(), 0, "the withdrawn note is gone from the public page");
	// The demo workshop was held in 2018: its page says sign-up is closed.
	await page.getByText(/Anmälan är stängd|Ingen anmälan behövs/).waitFor();
	await context.close();
});
