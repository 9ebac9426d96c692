// The start page leads with what one can do now, each with one action, and shows the phases as steps.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as s from "../src/schema.js";
import { createOpenVote, createSurvey, createWorkshop } from "../test/factories.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();
const [programme] = await app.db.select().from(s.programmes);
const day = 86_400_000;
const { survey } = await createSurvey(app.db, programme!.id, { title: "Hur vill du resa?", closesAt: new Date(Date.now() + 10 * day) });
const { vote } = await createOpenVote(app.db, programme!.id, { title: "Omröstning om torget", closesAt: new Date(Date.now() + 2.5 * day) });
const workshop = await createWorkshop(app.db, programme!.id, { title: "Framtidsverkstad i Kusfors", startsAt: new Date(Date.now() + 2 * day), endsAt: new Date(Date.now() + 2 * day + 3 * 3_600_000) });

for (const width of [390, 1280]) {
	test(`at ${width} px the start page offers the open survey, the open vote with days left and the next workshop`, async () => {
		const { context, page } = await openPage(browser, width);
		await page.goto(app.url);
		const now = page.getByRole("region", { name: "Det här kan du göra nu" });
		assert.ok(await now.getByRole("heading", { name: "Hur vill du resa?" }).isVisible());
		assert.ok(await now.getByText("3 dagar kvar").isVisible(), "the vote says how many days are left");
		assert.ok(await now.getByRole("heading", { name: "Framtidsverkstad i Kusfors" }).isVisible());
		assert.ok(await now.getByRole("heading", { name: /mål i programmet/ }).isVisible());
		const steps = page.getByRole("list", { name: "Faserna i korthet" });
		assert.equal(await steps.getByRole("listitem").count(), 7, "the demo's seven phases are steps");
		assert.match((await steps.locator('[aria-current="step"]').textContent()) ?? "", /Genomförande och uppföljning/);
		assert.deepEqual(await axeViolations(page), []);

		await now.getByRole("link", { name: "Rösta" }).click();
		await page.waitForURL(`${app.url}/omrostning/${vote.id}`);
		await page.goBack();
		await now.getByRole("link", { name: "Svara på enkäten" }).click();
		await page.waitForURL(`${app.url}/enkater/${survey.id}`);
		await page.goBack();
		await now.getByRole("link", { name: "Läs mer om träffen" }).click();
		await page.waitForURL(`${app.url}/framtidsverkstader/${workshop.id}`);
		await context.close();
	});
}

test("in English the start page says what one can do now", async () => {
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/language/en?next=/`);
	const now = page.getByRole("region", { name: "What you can do now" });
	assert.ok(await now.getByRole("link", { name: "Answer the survey" }).isVisible());
	assert.ok(await now.getByText("3 days left").isVisible());
	assert.deepEqual(await axeViolations(page), []);
	await context.close();
});
