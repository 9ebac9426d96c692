// Browser test harness: the real app on a random port over a fresh embedded database with the demo,
// and Debian's Chromium driven by playwright-core.
import assert from "node:assert/strict";
import { after } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { eq, sql } from "drizzle-orm";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildApp } from "../src/app.js";
import type { Config } from "../src/config.js";
import { type Db, openDatabase } from "../src/db/client.js";
import * as s from "../src/schema.js";
import { startDemoKolada } from "../src/demo/norsjo-indicators.js";
import { seedDemo } from "../src/demo/seed.js";
import { sessionCookie, startSession } from "../src/modules/accounts/index.js";
import { setVoteKey } from "../src/modules/votes/index.js";
import { lastCodeTo } from "../test/factories.js";
import { testConfig } from "../test/helpers.js";
import { freePort } from "../test/server-process.js";

/** A path no page has: the 404 page. */
export const notFoundPage = "/finns-inte";

/**
 * Every public page the browser tests check; add a page here and it gets every check.
 * Placeholders such as `{focusArea}` or `{goal}` are filled in with the first of each from the demo data (see placeholderTables).
 */
export const publicPages = [
	"/",
	"/vision",
	"/vision/forslag/{proposal}",
	"/teman/{theme}",
	"/fokusomraden",
	"/fokusomraden/{focusArea}",
	"/mal",
	"/uppfoljning",
	"/mal/{goal}",
	"/beslut",
	"/beslut/sammantraden/{meeting}",
	"/beslut/paragrafer/{decision}",
	"/beslut/paragrafer/{decision}/utdrag",
	"/visionen/antaganden",
	"/aktorer",
	"/aktorer/{organisation}",
	"/initiativ",
	"/initiativ/{initiative}",
	"/arenor",
	"/arenor/{arenaMeeting}",
	"/tillganglighet",
	"/hjalp",
	"/api/docs",
	"/sign-in",
	"/enkater",
	"/framtidsverkstader",
	"/framtidsverkstader/{workshop}",
	"/ideer",
	"/ideer/{idea}",
	"/delaktighet",
	"/omrostning/{vote}",
	"/omrostning/{vote}/kvitto",
	"/omrostning/{vote}/resultat",
	notFoundPage,
];

/** The WCAG 2.1 A and AA rule sets that DOS-lagen requires. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Each placeholder of publicPages and the table whose first row (oldest) fills it in. */
const placeholderTables = {
	focusArea: "focus_areas",
	goal: "goals",
	organisation: "organisations",
	workshop: "workshops",
	idea: "ideas",
	vote: "votes",
	meeting: "meetings",
	decision: "decision_items",
	initiative: "initiatives",
	arenaMeeting: "arena_meetings",
	proposal: "vision_proposals",
	theme: "themes",
} as const;

/** A running app: its base URL and its database (to read what it stored, e.g. mailed codes). */
export type RunningApp = { url: string; db: Db; path(template: string): Promise<string> };

/** Starts the app on a random port with the Norsjöbygden demo (settings may be overridden); it stops after the test file. */
export async function startApp(overrides: Partial<Config> = {}): Promise<RunningApp> {
	// On the port the configuration names, as the server does: links in mails and the e-ID callback name it.
	const config = testConfig({ port: await freePort(), ...overrides });
	const database = await openDatabase("pglite:memory:");
	await database.migrate();
	// Before the demo, as the server does: its letter codes and roll hashes are made with the configured key.
	setVoteKey(config.voteRollKey);
	await seedDemo(database.db);
	const kolada = await startDemoKolada();
	const app = await buildApp({ ...config, koladaBaseUrl: kolada.baseUrl, ...overrides }, database);
	await app.listen({ port: config.port, host: "127.0.0.1" });
	after(async () => {
		await app.close();
		await kolada.close();
		await database.close();
	});
	const { db } = database;
	const firstId = async (table: (typeof placeholderTables)[keyof typeof placeholderTables]) => {
		const result = await db.execute(sql`select id from ${sql.identifier(table)} order by created_at, id limit 1`);
		return String((result as unknown as { rows: { id: string }[] }).rows[0]?.id);
	};
	return {
		url: `http://127.0.0.1:${config.port}`,
		db,
		async path(template) {
			let path = template;
			for (const [name, table] of Object.entries(placeholderTables)) {
				if (path.includes(`{${name}}`)) path = path.replace(`{${name}}`, await firstId(table));
			}
			return path;
		},
	};
}

/** Launches Debian's Chromium headless; it closes after the test file. */
export async function launchBrowser(): Promise<Browser> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		headless: true,
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
	});
	after(() => browser.close());
	return browser;
}

/** A page in a fresh context (no cookies), as axe needs; width in CSS pixels. */
export async function openPage(browser: Browser, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width, height: 800 } });
	const page = await context.newPage();
	return { context, page };
}

/** The axe violations of WCAG 2.1 A/AA on the page as it is now, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Asserts that the page as it is now passes axe and has one h1; `what` names the page in a failure. */
export async function noAxeViolations(page: Page, what: string): Promise<void> {
	assert.deepEqual(await axeViolations(page), [], `${what} passes axe`);
	assert.equal(await page.locator("h1").count(), 1, `${what} has one h1`);
}

/** Signs in through the pages, typing the code mailed to the outbox. */
export async function signIn(page: Page, running: RunningApp, email: string): Promise<void> {
	await page.goto(`${running.url}/sign-in`);
	await page.getByRole("textbox", { name: /E-postadress/ }).fill(email);
	await page.keyboard.press("Enter");
	await page.waitForURL(/\/sign-in\/code\//);
	await page.getByRole("textbox", { name: /Kod/ }).fill(lastCodeTo(email));
	await page.keyboard.press("Enter");
	await page.getByText(`Inloggad som ${email}`).waitFor();
}

/** A page in a fresh context signed in as the user with this e-mail address, without going through the sign-in pages. */
export async function signedInPage(browser: Browser, running: RunningApp, email: string): Promise<{ context: BrowserContext; page: Page }> {
	const [user] = await running.db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email));
	assert.ok(user, `there is a user with ${email}`);
	const { token } = await startSession(running.db, user.id);
	const opened = await openPage(browser);
	await opened.context.addCookies([{ name: sessionCookie, value: token, url: running.url }]);
	return opened;
}
