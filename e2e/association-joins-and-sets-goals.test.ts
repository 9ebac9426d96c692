import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { launchBrowser, noAxeViolations, openPage, signIn, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("an association joins, the coordinator approves it, it picks two focus areas, sets a goal and proposes a collaboration that the municipality accepts", async () => {
	const association = "Petikträsk byaförening";
	const { context, page } = await openPage(browser);
	await signIn(page, app, "ordforande@petiktrask.example");

	await page.goto(`${app.url}/aktorer`);
	await page.getByRole("link", { name: "Anslut din organisation till programmet" }).click();
	await page.getByRole("heading", { level: 1, name: "Anslut en organisation" }).waitFor();
	await noAxeViolations(page, "the join form");
	await page.getByRole("button", { name: "Skicka ansökan" }).click();
	await page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await noAxeViolations(page, "the join form with errors");
	await page.getByLabel(/^Namn/).fill(association);
	await page.getByLabel(/^Typ av organisation/).selectOption({ label: "Förening" });
	await page.getByLabel(/^Organisationsnummer/).fill("802001-5619");
	await page.getByLabel(/^Beskrivning/).fill("Byaföreningen i Petikträsk ordnar bygdegården och skoterleden.");
	await page.getByLabel(/^Varför vill ni delta/).fill("Vi vill göra bygden tryggare och fritiden rikare.");
	await page.getByRole("button", { name: "Skicka ansökan" }).click();
	await page.getByRole("heading", { level: 1, name: `Hantera ${association}` }).waitFor();
	await page.getByText("väntar på att samordnaren godkänner den").first().waitFor();
	await noAxeViolations(page, "the workspace of a pending organisation");
	const organisationUrl = page.url().replace(/\/hantera$/, "");

	const coordinator = await openPage(browser);
	await signIn(coordinator.page, app, "samordnare@norsjo.example");
	await coordinator.page.goto(`${app.url}/admin/organisations`);
	await noAxeViolations(coordinator.page, "the coordinator's organisations with one awaiting approval");
	await coordinator.page.getByRole("link", { name: `Avslå ${association}` }).click();
	await coordinator.page.getByLabel(/^Motivering/).waitFor();
	await noAxeViolations(coordinator.page, "the form that declines an organisation with a reason");
	await coordinator.page.getByRole("link", { name: "Tillbaka till organisationerna" }).click();
	await coordinator.page.getByRole("button", { name: `Godkänn ${association}` }).click();
	await coordinator.page.getByText("Organisationen är godkänd och visas nu för alla.").waitFor();
	await coordinator.context.close();

	await page.reload();
	assert.equal(await page.getByText("väntar på att samordnaren godkänner den").count(), 0, "no longer pending");
	await page.getByRole("checkbox", { name: "En trygg bygd" }).check();
	await page.getByRole("checkbox", { name: "En rik och attraktiv fritid" }).check();
	await page.getByRole("button", { name: "Spara fokusområden" }).click();
	await page.getByRole("status").getByText("Organisationens fokusområden är sparade.").waitFor();
	assert.ok(await page.getByRole("checkbox", { name: "En trygg bygd" }).isChecked());

	await page.getByLabel(/^E-postadress/).fill("kassor@petiktrask.example");
	await page.getByRole("button", { name: "Skicka inbjudan" }).click();
	await page.getByText("Inbjudan är skickad.").waitFor();
	await noAxeViolations(page, "the workspace with members, areas and an invitation");

	// The association's own admin keeps its details current; the type and number stay with the coordinator.
	await page.getByRole("link", { name: "Ändra organisationens namn, beskrivning och webbplats" }).click();
	await page.getByRole("heading", { level: 1, name: `Ändra uppgifter om ${association}` }).waitFor();
	await noAxeViolations(page, "the profile form of the organisation's admins");
	await page.getByLabel(/^Webbplats/).fill("petiktrask punkt se");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await noAxeViolations(page, "the profile form with errors");
	await page.getByLabel(/^Webbplats/).fill("https://petiktrask.example");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByText("Organisationens uppgifter är sparade.").waitFor();
	await page.getByRole("link", { name: "https://petiktrask.example" }).waitFor();
	await page.getByRole("link", { name: "Hantera organisationen" }).click();
	await page.getByRole("heading", { level: 1, name: `Hantera ${association}` }).waitFor();

	await page.getByRole("link", { name: "Sätt ett nytt mål" }).click();
	await page.getByLabel(/^Mål \(/).fill("Tänd belysning längs skoterleden");
	await page.getByLabel(/^Fokusområde \(/).selectOption({ label: "En trygg bygd" });
	await page.getByLabel(/^Perioden börjar/).fill("2025-01-01");
	await page.getByLabel(/^Perioden slutar/).fill("2026-12-31");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { level: 1, name: "Tänd belysning längs skoterleden" }).waitFor();
	await noAxeViolations(page, "the association's new goal with related goals of other actors");

	// The municipality's goals in the same area are related; the association proposes to work on one together.
	await page.getByRole("link", { name: "Föreslå samarbete med Norsjö kommun" }).first().click();
	await page.getByLabel(/^Rubrik/).fill("Trygga leder i Petikträsk");
	await page.getByLabel(/^Meddelande/).fill("Vi lyser upp skoterleden; kan kommunen ta gång- och cykelvägen till skolan?");
	await page.getByRole("button", { name: "Skicka förfrågan" }).click();
	await page.getByText("Förfrågan är skickad till organisationens kontaktperson.").waitFor();

	const municipality = await openPage(browser);
	await signIn(municipality.page, app, "samordnare@norsjo.example");
	await municipality.page.goto(`${app.url}/account`);
	await municipality.page.getByRole("main").getByRole("link", { name: /Norsjö kommun/ }).click();
	await municipality.page.getByRole("link", { name: /samarbeten/i }).first().click();
	await municipality.page.getByRole("link", { name: "Trygga leder i Petikträsk" }).click();
	await municipality.page.getByRole("button", { name: "Godkänn samarbetet" }).click();
	await municipality.page.getByText("Samarbetet är godkänt och ett gemensamt initiativ är skapat.").waitFor();
	await municipality.page.getByRole("heading", { level: 1, name: "Trygga leder i Petikträsk" }).waitFor();
	await municipality.page.getByRole("link", { name: association }).first().waitFor();
	await noAxeViolations(municipality.page, "the joint initiative of the association and the municipality");
	await municipality.context.close();

	const visitor = await openPage(browser);
	await visitor.page.goto(organisationUrl);
	await visitor.page.getByRole("heading", { level: 1, name: association }).waitFor();
	await visitor.page.getByRole("link", { name: "Tänd belysning längs skoterleden" }).waitFor();
	await noAxeViolations(visitor.page, "the association's public profile");
	await visitor.page.getByRole("link", { name: "En trygg bygd" }).first().click();
	await visitor.page.getByRole("heading", { level: 3, name: association }).waitFor();
	await visitor.page.getByText("Ej påbörjat").first().waitFor();
	await noAxeViolations(visitor.page, "the focus area page with the association's goal");
	await visitor.context.close();
	await context.close();
});

test("a resident writes to an organisation through its contact form and never sees its address", async () => {
	const { context, page } = await openPage(browser);
	const [organisation] = await app.db.select().from(s.organisations).where(eq(s.organisations.name, "Norsjö kommun"));
	await page.goto(`${app.url}/aktorer/${organisation!.id}`);
	await page.getByRole("link", { name: "Skriv till Norsjö kommun" }).click();
	await page.getByRole("textbox", { name: /E-postadress/ }).waitFor();
	await signIn(page, app, "invanare@norsjo.example");
	await page.goto(`${app.url}/aktorer/${organisation!.id}/kontakt`);
	await noAxeViolations(page, "the contact form");
	await page.getByLabel(/^Ämne/).fill("Skidspåren");
	await page.getByLabel(/^Meddelande/).fill("Hej! Kan spåren vid Norsjövallen dras oftare?");
	await page.getByRole("button", { name: "Skicka meddelandet" }).click();
	await page.getByText("Tack! Meddelandet är skickat.").waitFor();
	assert.doesNotMatch(await page.content(), /samordnare@norsjo\.example/);
	await context.close();
});
