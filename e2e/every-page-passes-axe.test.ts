// axe (WCAG 2.1 A and AA) on every public page and every administration and analysis page of the Norsjöbygden demo,
// in Swedish and in English, on a phone (390 px) and on a desktop (1280 px).
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { axeViolations, launchBrowser, notFoundPage, openPage, publicPages, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

/** The administrator's pages; `{x.y}` is column y of one row of table x (the same row throughout) (so a question is its own survey's). */
const adminPages = [
	"/account",
	"/admin",
	"/admin/antaganden",
	"/admin/beslut",
	"/admin/beslut/paragrafer/{decision_items.id}",
	"/admin/beslut/sammantraden/{meetings.id}",
	"/admin/delaktighet",
	"/admin/enkater",
	"/admin/enkater/{surveys.id}",
	"/admin/enkater/{survey_sections.survey_id}/delar/{survey_sections.id}",
	"/admin/enkater/{survey_questions.survey_id}/fragor/{survey_questions.id}",
	"/admin/enkater/{surveys.id}/fragor/ny",
	"/admin/enkater/{surveys.id}/papper",
	"/admin/enkater/{surveys.id}/resultat",
	"/admin/focus-areas",
	"/admin/focus-areas/{focus_areas.id}/edit",
	"/admin/focus-areas/new",
	"/admin/framtidsverkstader",
	"/admin/framtidsverkstader/{workshops.id}",
	"/admin/framtidsverkstader/ny",
	"/admin/ideer",
	"/admin/indikatorer",
	"/admin/indikatorer/{indicators.id}/andra",
	"/admin/indikatorer/ny",
	"/admin/inspel",
	"/admin/organisations",
	"/admin/organisations/{organisations.id}/edit",
	"/admin/organisations/new",
	"/admin/outbox",
	"/admin/programme",
	"/admin/programme/phases/{programme_phases.id}",
	"/admin/programme/phases/new",
	"/admin/proposals",
	"/admin/proposals/{vision_proposals.id}",
	"/admin/proposals/new",
	"/admin/samordnare",
	"/admin/uppfoljning",
	"/admin/uppfoljning/{followup_rounds.id}",
	"/admin/users",
	"/admin/utseende",
	"/admin/votes",
	"/admin/votes/{votes.id}",
	"/admin/votes/{votes.id}/letters",
	"/analys",
	"/analys/analytiker",
	"/analys/fokusomraden",
	"/analys/fokusomraden/{focus_areas.id}",
	"/analys/forslag",
	"/analys/import",
	"/analys/inspel",
	"/analys/tackning",
	"/analys/teman/{themes.id}",
	"/analys/visionsforslag",
	"/analys/visionsforslag/{vision_proposals.id}",
	"/framtidsverkstader/{workshops.id}/anteckningar",
];

async function adminPath(template: string): Promise<string> {
	let path = template;
	for (const [whole, table, column] of template.matchAll(/\{(\w+)\.(\w+)\}/g)) {
		const result = await app.db.execute(sql`select ${sql.identifier(column!)} as v from ${sql.identifier(table!)} order by id limit 1`);
		const value = (result as unknown as { rows: { v: string }[] }).rows[0]?.v;
		assert.ok(value, `the demo has a row in ${table}`);
		path = path.replace(whole, value);
	}
	return path;
}

const pages = [
	...(await Promise.all(publicPages.map(async (t) => ({ who: "visitor", path: await app.path(t) })))),
	...(await Promise.all(adminPages.map(async (t) => ({ who: "administrator", path: await adminPath(t) })))),
];

for (const lang of ["sv", "en"] as const) {
	for (const width of [390, 1280]) {
		test(`every page passes axe in ${lang} at ${width} px`, async () => {
			const failures: string[] = [];
			for (const who of ["visitor", "administrator"]) {
				const { context, page } = who === "visitor" ? await openPage(browser, width) : await signedInPage(browser, app, "admin@medskapa.example");
				await context.addCookies([{ name: "lang", value: lang, url: app.url }]);
				await page.setViewportSize({ width, height: 800 });
				for (const { path } of pages.filter((p) => p.who === who)) {
					const response = await page.goto(app.url + path);
					const status = response?.status();
					if (status !== 200 && !(path === notFoundPage && status === 404)) failures.push(`${path}: status ${status}`);
					for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
				}
				await context.close();
			}
			assert.deepEqual(failures, []);
		});
	}
}
