import assert from "node:assert/strict";
import { test } from "node:test";
import { asc } from "drizzle-orm";
import * as s from "../src/schema.js";
import { createGoal, createOrganisation, createUser } from "../test/factories.js";
import { launchBrowser, noAxeViolations, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const [programme] = await app.db.select().from(s.programmes).limit(1);
const [area] = await app.db.select().from(s.focusAreas).orderBy(asc(s.focusAreas.position)).limit(1);
assert.ok(programme && area, "the demo has a programme and focus areas");

test("an association proposes a collaboration, the municipality accepts it, and they plan an arena meeting on the joint initiative", async () => {
	const association = await createOrganisation(app.db, { name: "Kusfors byaförening" });
	const municipality = await createOrganisation(app.db, { name: "Testkommunen", type: "municipality" });
	await app.db.insert(s.focusAreaActors).values([
		{ focusAreaId: area!.id, organisationId: association.id },
		{ focusAreaId: area!.id, organisationId: municipality.id },
	]);
	const proposer = await createUser(app.db, { memberOf: { organisationId: association.id, role: "admin" } });
	const receiver = await createUser(app.db, { email: "kontakt@testkommunen.example" });
	await app.db.insert(s.memberships).values({ userId: receiver.id, organisationId: municipality.id, role: "admin", isContact: true });
	const theirGoal = await createGoal(app.db, programme!.id, area!.id, { organisationId: municipality.id, title: "En fritidsgård för unga" });

	const { page } = await signedInPage(browser, app, proposer.email);
	await page.goto(`${app.url}/aktorer/${association.id}/samarbeten/ny?theirGoal=${theirGoal.id}`);
	await noAxeViolations(page, "the proposal form");
	await page.getByRole("button", { name: "Skicka förfrågan" }).click();
	await page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await noAxeViolations(page, "the proposal form with errors");
	await page.getByLabel(/^Rubrik/).fill("Fritidsgård tillsammans");
	await page.getByLabel(/^Meddelande/).fill("Vi vill driva fritidsgården ihop med er.");
	await page.getByRole("button", { name: "Skicka förfrågan" }).click();
	await page.getByText("Förfrågan är skickad till organisationens kontaktperson.").waitFor();
	await noAxeViolations(page, "the sent request");
	assert.equal(await page.getByText("kontakt@testkommunen.example").count(), 0, "the contact's address is not shown");

	const { page: other } = await signedInPage(browser, app, receiver.email);
	await other.goto(`${app.url}/aktorer/${municipality.id}/samarbeten`);
	await noAxeViolations(other, "the inbox");
	await other.getByRole("link", { name: "Fritidsgård tillsammans" }).click();
	await noAxeViolations(other, "a received request");
	await other.getByRole("button", { name: "Avböj förfrågan" }).click();
	await other.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await noAxeViolations(other, "a received request with an error");
	await other.getByLabel(/^Svar till den som frågade/).fill("Gärna!");
	await other.getByRole("button", { name: "Godkänn samarbetet" }).click();
	await other.getByText("Samarbetet är godkänt och ett gemensamt initiativ är skapat.").waitFor();
	await other.getByRole("heading", { level: 1, name: "Fritidsgård tillsammans" }).waitFor();
	await noAxeViolations(other, "the new joint initiative");
	await other.getByRole("link", { name: "Bjud in en organisation som medägare" }).click();
	await noAxeViolations(other, "the invitation form");
	await other.goBack();
	await other.getByRole("link", { name: "Ändra initiativet" }).click();
	await noAxeViolations(other, "the initiative form");

	await other.goto(`${app.url}/arenor`);
	await noAxeViolations(other, "the arenas list");
	await other.getByRole("link", { name: "Planera en arenaträff" }).click();
	await noAxeViolations(other, "choosing the arena's focus area");
	await other.getByRole("link", { name: `Ny arenaträff i ${area!.name}` }).click();
	await other.getByLabel(/^Rubrik/).fill("Arena om fritidsgården");
	await other.getByLabel(/^Datum/).fill("2030-03-12");
	await other.getByLabel(/^Starttid/).fill("18:00");
	await other.getByLabel(/^Sluttid/).fill("17:00");
	await other.getByLabel(/^Plats/).fill("Folkets hus");
	await other.getByRole("checkbox", { name: "Kusfors byaförening" }).check();
	await other.getByRole("checkbox", { name: "Fritidsgård tillsammans" }).check();
	await other.getByRole("button", { name: "Spara" }).click();
	await other.getByText("Sluttiden måste vara efter starttiden.").first().waitFor();
	await noAxeViolations(other, "the arena form with errors");
	assert.ok(await other.getByRole("checkbox", { name: "Kusfors byaförening" }).isChecked(), "the choices are kept");
	await other.getByLabel(/^Sluttid/).fill("20:00");
	await other.getByRole("button", { name: "Spara" }).click();
	await other.getByRole("heading", { level: 1, name: "Arena om fritidsgården" }).waitFor();
	await noAxeViolations(other, "the arena meeting");
	await other.getByRole("link", { name: "Fritidsgård tillsammans" }).click();
	await other.getByRole("link", { name: "Arena om fritidsgården" }).waitFor();
});
