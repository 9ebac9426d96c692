import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { launchBrowser, noAxeViolations, openPage, signIn, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("the coordinator adds an indicator; a municipal member sets a goal with a target, a sub-goal, an activity and a status", async () => {
	const email = "planerare@norsjo.example";
	const [kommun] = await app.db.select().from(s.organisations).where(eq(s.organisations.name, "Norsjö kommun"));
	const [user] = await app.db.insert(s.users).values({ email, name: "Planerare" }).returning();
	await app.db.insert(s.memberships).values({ userId: user!.id, organisationId: kommun!.id, role: "member" });

	const coordinator = await openPage(browser);
	await signIn(coordinator.page, app, "samordnare@norsjo.example");
	await coordinator.page.goto(`${app.url}/admin/indikatorer`);
	await noAxeViolations(coordinator.page, "the indicators");
	await coordinator.page.getByRole("link", { name: "Ny indikator" }).click();
	await coordinator.page.getByLabel(/^Namn/).fill("Nöjd Region-Index (demo)");
	await coordinator.page.getByLabel(/^Kolada-id/).fill("X1");
	await coordinator.page.getByRole("button", { name: "Spara" }).click();
	await coordinator.page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await noAxeViolations(coordinator.page, "the indicator form with errors");
	await coordinator.page.getByLabel(/^Kolada-id/).fill("U00442");
	await coordinator.page.getByLabel(/^Enhet/).fill("index");
	await coordinator.page.getByRole("checkbox", { name: "Hög service och gott värdskap" }).check();
	await coordinator.page.getByRole("button", { name: "Spara" }).click();
	await coordinator.page.getByRole("link", { name: "Nöjd Region-Index (demo)" }).waitFor();
	await coordinator.context.close();

	const { context, page } = await openPage(browser);
	await signIn(page, app, email);
	await page.goto(`${app.url}/aktorer/${kommun!.id}/mal/ny`);
	await noAxeViolations(page, "the goal form");
	await page.getByLabel(/^Mål \(/).fill("Bättre bemötande i kommunens service");
	await page.getByLabel(/^Fokusområde \(/).selectOption({ label: "Hög service och gott värdskap" });
	await page.getByLabel(/^Perioden börjar/).fill("2022-12-31");
	await page.getByLabel(/^Perioden slutar/).fill("2019-01-01");
	await page.getByLabel(/^Indikator för målvärdet/).selectOption({ label: "Nöjd Region-Index (demo) (index)" });
	await page.getByLabel(/^Målvärde/).fill("70");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { name: "Det finns fel i formuläret" }).waitFor();
	await page.getByRole("link", { name: /Slutet kan inte ligga före början/ }).waitFor();
	await noAxeViolations(page, "the goal form with errors");
	assert.equal(await page.getByLabel(/^Målvärde/).inputValue(), "70", "what was typed is kept");
	await page.getByLabel(/^Perioden börjar/).fill("2019-01-01");
	await page.getByLabel(/^Perioden slutar/).fill("2022-12-31");
	await page.getByLabel(/^Målår/).fill("2022");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { level: 1, name: "Bättre bemötande i kommunens service" }).waitFor();
	await page.getByText("Nöjd Region-Index (demo): 70 index år 2022").waitFor();
	const goalUrl = page.url();

	await page.getByRole("link", { name: "Nytt delmål" }).click();
	await noAxeViolations(page, "the sub-goal form");
	await page.getByLabel(/^Mål \(/).fill("Socialtjänsten svarar inom en vecka");
	await page.getByLabel(/^Enhet/).fill("Socialtjänsten");
	await page.getByLabel(/^Perioden börjar/).fill("2019-01-01");
	await page.getByLabel(/^Perioden slutar/).fill("2022-12-31");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByRole("heading", { level: 1, name: "Socialtjänsten svarar inom en vecka" }).waitFor();

	await page.goto(goalUrl);
	await page.getByRole("link", { name: "Ny aktivitet" }).click();
	await noAxeViolations(page, "the activity form");
	await page.getByLabel(/^Aktivitet/).fill("Utbildning i bemötande");
	await page.getByLabel(/^Startar/).fill("2019-09-01");
	await page.getByLabel(/^Slutar/).fill("2019-11-30");
	await page.getByLabel(/^Status/).selectOption({ label: "Uppnått" });
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByText("Aktiviteten är sparad.").waitFor();

	await page.getByRole("link", { name: "Ändra status" }).click();
	await noAxeViolations(page, "the status form");
	await page.getByLabel(/^Status/).selectOption({ label: "Risk för avvikelse" });
	await page.getByLabel(/^Gäller från/).fill("2020-04-01");
	await page.getByLabel(/^Anledning/).fill("Färre utbildningstillfällen under pandemin.");
	await page.getByRole("button", { name: "Spara" }).click();
	await page.getByText("Statusen är ändrad.").waitFor();
	await context.close();

	const visitor = await openPage(browser);
	await visitor.page.goto(goalUrl);
	await visitor.page.getByRole("heading", { level: 2, name: "Statushistorik" }).waitFor();
	await visitor.page.getByText("Färre utbildningstillfällen under pandemin.").waitFor();
	await visitor.page.getByRole("link", { name: "Socialtjänsten svarar inom en vecka" }).waitFor();
	await noAxeViolations(visitor.page, "the goal page with sub-goal, activity and history");
	await visitor.page.goto(`${app.url}/mal`);
	await noAxeViolations(visitor.page, "the goal list");
	await visitor.page.getByLabel(/^Sök i målen/).fill("bättre bemötande");
	await visitor.page.getByRole("button", { name: "Visa" }).click();
	await visitor.page.getByRole("link", { name: "Bättre bemötande i kommunens service" }).waitFor();
	await visitor.page.getByText("1 mål").waitFor();
	await visitor.context.close();
});
