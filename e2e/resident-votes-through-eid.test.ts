import assert from "node:assert/strict";
import { test } from "node:test";
import { count, eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { createOpenVote } from "../test/factories.js";
import { startOidcProvider } from "../test/oidc-provider.js";
import { axeViolations, launchBrowser, openPage, startApp } from "./harness.js";

const provider = await startOidcProvider();
const app = await startApp({ eid: provider.eid });
const browser = await launchBrowser();

test("a resident votes through e-ID at a real OpenID provider and gets a receipt", async () => {
	const [programme] = await app.db.select({ id: s.programmes.id }).from(s.programmes).limit(1);
	const { vote, options } = await createOpenVote(app.db, programme!.id, { channels: "eid,code" });
	const { context, page } = await openPage(browser);
	await page.goto(`${app.url}/omrostning/${vote.id}`);
	assert.deepEqual(await axeViolations(page), [], "the voting page passes axe");

	await page.getByRole("link", { name: "Legitimera dig med e-legitimation för att rösta" }).click();
	await page.waitForURL(`${provider.issuer}/**`);
	await page.getByPlaceholder("Enter any login").fill("199001011239");
	await page.getByPlaceholder("and password").fill("secret");
	await page.getByRole("button", { name: "Sign-in" }).click();

	await page.waitForURL(`${app.url}/omrostning/${vote.id}`);
	await page.getByText("Du är identifierad med e-legitimation.").waitFor();
	assert.deepEqual(await axeViolations(page), [], "the voting page for a verified resident passes axe");
	await page.getByRole("radio", { name: new RegExp(options[1]!.title) }).check();
	await page.getByRole("button", { name: "Rösta med e-legitimation" }).click();

	await page.waitForURL(/\/kvitto\?/);
	await page.getByText("Tack! Din röst är mottagen och räknad.").waitFor();
	assert.match(await page.locator("main").textContent() ?? "", /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/, "the receipt is shown");
	assert.deepEqual(await axeViolations(page), [], "the receipt page passes axe");
	// A ballot waits sealed in the queue until enough have come to mix it in; either way it is stored once.
	const [counted] = await app.db.select({ n: count() }).from(s.ballots).where(eq(s.ballots.voteId, vote.id));
	const [queued] = await app.db.select({ n: count() }).from(s.ballotQueue).where(eq(s.ballotQueue.voteId, vote.id));
	assert.equal(Number(counted?.n) + Number(queued?.n), 1, "one ballot is stored");

	await page.goto(`${app.url}/omrostning/${vote.id}`);
	await page.getByRole("link", { name: "Legitimera dig med e-legitimation för att rösta" }).waitFor();
	await context.close();
});

test("an e-ID answer that arrives without a started sign-in gets a clear page that passes axe", async () => {
	const { context, page } = await openPage(browser);
	const res = await page.goto(`${app.url}/eid/callback?code=x&state=y`);
	assert.equal(res?.status(), 400);
	await page.getByRole("heading", { level: 1, name: "Identifieringen med e-legitimation gick inte igenom" }).waitFor();
	assert.deepEqual(await axeViolations(page), []);
	await context.close();
});
