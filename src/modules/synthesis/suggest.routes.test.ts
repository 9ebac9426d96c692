import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { test } from "node:test";
import { count, eq, sql } from "drizzle-orm";
import { clientAs, createProgramme, createUser, signedInCoordinator } from "../../../test/factories.js";
import { testApp, type TestClient } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import { csvRows, linkNamed, xlsxRows } from "../../../test/spreadsheets.js";
import * as s from "../../schema.js";
import { addInputs } from "../inputs/index.js";
import { suggestionRuns, suggestions } from "./suggest.schema.js";
import { themes, themeTaggings } from "./synthesis.schema.js";

const { app, db } = await testApp();
const { coordinator } = await createProgramme(db);
const coordinatorClient = await signedInCoordinator(app, db, coordinator.id);

// 12 answers per topic from the labelled Swedish set.
const labelled = readFileSync(new URL("../../../test/fixtures/synthesis/inputs-sv.tsv", import.meta.url), "utf8")
	.trim()
	.split("\n")
	.slice(1)
	.map((line) => line.split("\t") as [string, string])
	.filter((_, i) => i % 40 < 12);
await addInputs(
	db,
	labelled.map(([, text], i) => ({ source: "survey" as const, sourceId: `q${i}`, text, occurredOn: "2018-09-12" })),
);
const idByText = new Map((await db.select({ id: s.inputs.id, text: s.inputs.text }).from(s.inputs)).map((r) => [r.text, r.id]));

await coordinatorClient.post("/analys/analytiker", { email: "sara.analytiker@example.se" });
const [saraUser] = await db.select().from(s.users).where(eq(s.users.email, "sara.analytiker@example.se"));
const sara = await clientAs(app, db, saraUser!.id);

/** Waits until the newest run of a kind has finished (runs go on in the background). */
async function finished(kind: "themes" | "assist") {
	for (let i = 0; i < 600; i++) {
		const runs = await db.select().from(suggestionRuns).where(eq(suggestionRuns.kind, kind));
		const newest = runs.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
		if (newest && newest.status !== "running") return newest;
		await sleep(50);
	}
	throw new Error("the run did not finish");
}

async function openSuggestions(runId: string) {
	return (await db.select().from(suggestions).where(eq(suggestions.runId, runId))).sort((a, b) => a.position - b.position);
}

async function themeCount(): Promise<number> {
	const [row] = await db.select({ n: count() }).from(themes);
	return row!.n;
}

async function suggestedRun(client: TestClient, fields: Record<string, string>) {
	const started = await client.post("/analys/forslag", fields);
	assert.equal(started.statusCode, 303);
	return finished("themes");
}

test("only analysts and the coordinator see suggestions", async () => {
	const resident = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await resident.get("/analys/forslag")).statusCode, 403);
	assert.equal((await resident.post("/analys/forslag", { scope: "all" })).statusCode, 403);
	assert.equal((await sara.get("/analys/forslag")).statusCode, 200);
	assert.match((await sara.get("/analys/tackning")).body, /Kör assisterad taggning så visas här de otaggade inspel som liknar temana minst/);
});

test("assisted tagging suggests a theme per untagged input from 10 examples per theme; confirming and correcting tag in bulk", async () => {
	const refused = await sara.post("/analys/forslag/assistans", {});
	assert.equal(refused.statusCode, 422);
	assert.match(refused.body, /minst 10 inspel/);
	// The analyst tags the first 10 answers about ski tracks and about broadband by hand.
	for (const topic of ["skidspår", "bredband"]) {
		await sara.post("/analys/teman", { name: `Tema ${topic}` });
		const [theme] = await db.select().from(themes).where(eq(themes.name, `Tema ${topic}`));
		const examples = labelled.filter(([t]) => t === topic).slice(0, 10);
		const body = new URLSearchParams([["themeId", theme!.id], ...examples.map(([, text]): [string, string] => ["inputIds", idByText.get(text)!])]);
		assert.equal((await sara.post("/analys/inspel/tagga", body)).statusCode, 303);
	}
	assert.equal((await sara.post("/analys/forslag/assistans", {})).statusCode, 303);
	const run = await finished("assist");
	assert.equal(run.status, "done");
	const page = await sara.get("/analys/forslag");
	assert.match(page.body, /Föreslaget tema/);
	const skiLeft = labelled.filter(([t]) => t === "skidspår").slice(10);
	const [skiTheme] = await db.select().from(themes).where(eq(themes.name, "Tema skidspår"));
	const confirm = new URLSearchParams([["runId", run.id], ...skiLeft.map(([, text]): [string, string] => ["inputIds", idByText.get(text)!])]);
	const confirmed = await sara.post("/analys/forslag/assistans/bekrafta", confirm);
	assert.equal(confirmed.statusCode, 303);
	const skiTagged = await db.select().from(themeTaggings).where(eq(themeTaggings.themeId, skiTheme!.id));
	// The confirmations are examples the next run learns from: the page says so until the analyst suggests again.
	assert.match((await sara.get("/analys/forslag")).body, new RegExp(`${skiTagged.length - 10} inspel har taggats sedan förslagen nedan togs fram`));
	assert.ok(skiTagged.length >= 12, `the unseen ski-track answers are guessed as ski tracks (${skiTagged.length - 10} of ${skiLeft.length})`);

	const stale = await sara.post("/analys/forslag/assistans/bekrafta", new URLSearchParams([["runId", "00000000-0000-4000-8000-000000000000"], ["inputIds", idByText.get(skiLeft[0]![1])!]]));
	assert.equal(stale.statusCode, 422);
	const none = await sara.post("/analys/forslag/assistans/bekrafta", new URLSearchParams([["runId", run.id]]));
	assert.equal(none.statusCode, 422);
	assert.match(none.body, /Välj minst ett inspel/);

	const busAnswer = labelled.find(([t]) => t === "bussar")![1];
	const correct = new URLSearchParams([["runId", run.id], ["themeId", skiTheme!.id], ["inputIds", idByText.get(busAnswer)!]]);
	assert.equal((await sara.post("/analys/forslag/assistans/ratta", correct)).statusCode, 303);
	const [corrected] = await db.select().from(themeTaggings).where(eq(themeTaggings.inputId, idByText.get(busAnswer)!));
	assert.equal(corrected!.themeId, skiTheme!.id);
});

test("all guesses with at least a chosen confidence are confirmed in one step, each kept with who and when; a bad per cent stores nothing", async () => {
	const run = await finished("assist");
	const untaggedGuesses = async () =>
		(
			(await db.execute(sql`select m.input_id as "inputId", round(m.score::numeric * 100)::int as percent, s.theme_id as "themeId"
			from suggestion_members m join suggestions s on s.id = m.suggestion_id
			where s.run_id = ${run.id} and not exists (select 1 from theme_taggings t where t.input_id = m.input_id)`)) as unknown as { rows: unknown[] }
		).rows as { inputId: string; percent: number; themeId: string }[];
	const before = await untaggedGuesses();
	const taggings = async () => (await db.select({ n: count() }).from(themeTaggings))[0]!.n;
	const stored = await taggings();

	for (const [threshold, message] of [
		["101", /Skriv ett tal mellan 0 och 100/],
		["mycket", /Skriv ett heltal/],
		["100", /Inget otaggat inspel har ett förslag med så hög säkerhet/],
	] as const) {
		if (threshold === "100" && before.some((g) => g.percent >= 100)) continue;
		const refused = await sara.post("/analys/forslag/assistans/bekrafta-over", { runId: run.id, threshold });
		assert.equal(refused.statusCode, 422);
		assert.match(refused.body, message);
		assert.match(refused.body, new RegExp(`name="threshold"[^>]*value="${threshold}"`), "what was typed stays");
	}
	const stale = await sara.post("/analys/forslag/assistans/bekrafta-over", { runId: "00000000-0000-4000-8000-000000000000", threshold: "50" });
	assert.equal(stale.statusCode, 422);
	assert.equal(await taggings(), stored, "a refused step stores nothing");

	// The median confidence as the page shows it: some guesses are above it and some below.
	const percents = before.map((g) => g.percent).sort((a, b) => a - b);
	const threshold = percents[Math.floor(percents.length / 2)]!;
	const expected = before.filter((g) => g.percent >= threshold);
	assert.ok(expected.length > 0 && expected.length < before.length, `guesses on both sides of ${threshold} %`);
	const page = await sara.get("/analys/forslag");
	assert.match(page.body, /Bekräfta alla med minst den säkerheten/);
	const done = await sara.post("/analys/forslag/assistans/bekrafta-over", { runId: run.id, threshold: String(threshold) });
	assert.equal(done.statusCode, 303);
	for (const g of expected) {
		const [tagging] = await db.select().from(themeTaggings).where(eq(themeTaggings.inputId, g.inputId));
		assert.equal(tagging?.themeId, g.themeId, "tagged with the guessed theme");
		assert.equal(tagging?.taggedBy, saraUser!.id, "who confirmed is kept");
		assert.ok(tagging!.taggedAt.getTime() > Date.now() - 60_000, "when is kept");
	}
	const left = await untaggedGuesses();
	assert.deepEqual(left.map((g) => g.inputId).sort(), before.filter((g) => g.percent < threshold).map((g) => g.inputId).sort(), "those below stay for the analyst");
	assert.equal(await taggings(), stored + expected.length);
});

test("coverage lists the untagged inputs least like any theme, least like first; tagging one or marking it off-topic takes it off", async () => {
	const run = await finished("assist");
	const orphans = async () => {
		const body = (await sara.get("/analys/tackning")).body;
		const section = body.slice(body.indexOf('<section aria-labelledby="orphans">'));
		return section.slice(0, section.indexOf("</section>"));
	};
	const untagged = (
		(await db.execute(sql`select i.text, m.fit from suggestion_members m join suggestions s on s.id = m.suggestion_id join inputs i on i.id = m.input_id
			where s.run_id = ${run.id} and not exists (select 1 from theme_taggings t where t.input_id = m.input_id) order by m.fit, i.id`)) as unknown as { rows: unknown[] }
	).rows as { text: string; fit: number }[];
	assert.ok(untagged.length > 0, "some guesses are left untagged");
	const section = await orphans();
	assert.match(section, /Inspel som inte liknar något tema/);
	assert.match(section, new RegExp(`De ${Math.min(20, untagged.length)} otaggade inspel som liknar temana minst`));
	const rows = [...section.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
	const asHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
	assert.deepEqual(rows, untagged.slice(0, 20).map((u) => asHtml(u.text)), "least like first");
	assert.match(section, /Närmaste tema.*Likhet/s);

	const least = idByText.get(untagged[0]!.text)!;
	assert.equal((await sara.post("/analys/inspel/utanfor", new URLSearchParams([["inputIds", least]]))).statusCode, 303);
	assert.ok(!(await orphans()).includes(`<td>${asHtml(untagged[0]!.text)}</td>`), "off-topic leaves the list");
	assert.equal((await sara.post("/analys/inspel/tillbaka", new URLSearchParams([["inputIds", least]]))).statusCode, 303);
});

test("a run suggests themes with characteristic words, size and five quotes; the same settings give the same suggestions", async () => {
	const run = await suggestedRun(sara, { scope: "all", k: "", seed: "3" });
	assert.equal(run.status, "done");
	assert.equal(run.inputCount, labelled.length);
	const page = await sara.get("/analys/forslag");
	assert.match(page.body, /Utmärkande ord/);
	const first = (await openSuggestions(run.id))[0]!;
	const card = page.body.slice(page.body.indexOf(`id="suggestion-${first.id}"`));
	assert.equal((card.slice(0, card.indexOf("</article>")).match(/<q>/g) ?? []).length, Math.min(5, first.size));
	const list = await openSuggestions(run.id);
	assert.equal(
		list.reduce((sum, x) => sum + x.size, 0),
		labelled.length,
	);
	const again = await suggestedRun(sara, { scope: "all", k: "", seed: "3" });
	const strip = (rows: typeof list) => rows.map((r) => ({ words: r.words, size: r.size, quotes: r.quoteIds }));
	assert.deepEqual(strip(await openSuggestions(again.id)), strip(list));
});

test("accepting makes a theme with its inputs tagged; a bad name, merging into itself, or a replaced run stores nothing", async () => {
	const run = await suggestedRun(sara, { scope: "all", k: "4", seed: "1" });
	const [a, b, c, d] = await openSuggestions(run.id);
	const before = await themeCount();
	const empty = await sara.post(`/analys/forslag/${a!.id}/godta`, { name: "  ", description: "Min beskrivning" });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet/);
	assert.match(empty.body, /Min beskrivning/);
	assert.equal(await themeCount(), before);

	const self = await sara.post(`/analys/forslag/${a!.id}/sla-ihop`, { targetId: a!.id });
	assert.equal(self.statusCode, 422);
	assert.match(self.body, /kan inte slås ihop med sig självt/);
	assert.equal((await sara.post(`/analys/forslag/${b!.id}/sla-ihop`, { targetId: a!.id })).statusCode, 303);
	assert.equal((await openSuggestions(run.id))[0]!.size, a!.size + b!.size);

	assert.equal((await sara.post(`/analys/forslag/${c!.id}/byt-namn`, { name: "Omdöpt förslag" })).statusCode, 303);
	const renamed = await sara.get("/analys/forslag");
	assert.equal(flashMessage(renamed.body), "Förslaget har fått nytt namn. Godta det för att göra det till ett tema.");
	assert.match(renamed.body, /Omdöpt förslag/);
	assert.equal((await sara.post(`/analys/forslag/${d!.id}/avvisa`, {})).statusCode, 303);
	const twice = await sara.post(`/analys/forslag/${d!.id}/godta`, { name: "Ändå" });
	assert.equal(twice.statusCode, 422);
	assert.match(twice.body, /redan godtaget, avvisat eller sammanslaget/);

	const accepted = await sara.post(`/analys/forslag/${a!.id}/godta`, { name: "Från förslag" });
	assert.equal(accepted.statusCode, 303);
	const [theme] = await db.select().from(themes).where(eq(themes.name, "Från förslag"));
	const [tagged] = await db.select({ n: count() }).from(themeTaggings).where(eq(themeTaggings.themeId, theme!.id));
	assert.equal(tagged!.n, a!.size + b!.size);

	await suggestedRun(sara, { scope: "untagged", k: "", seed: "1" });
	const stale = await sara.post(`/analys/forslag/${c!.id}/godta`, { name: "För sent" });
	assert.equal(stale.statusCode, 422);
	assert.match(stale.body, /ersatts av en nyare/);
	assert.equal((await db.select().from(themes).where(eq(themes.name, "För sent"))).length, 0);

	const bad = await sara.post("/analys/forslag", { scope: "source", k: "99" });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Välj vilken källa/);
});

test("a run exports one row per input with its suggested theme and score, as .xlsx, CSV for Swedish Excel, CSV and JSON", async () => {
	const run = await suggestedRun(sara, { scope: "all", k: "5", seed: "2" });
	const section = (await sara.get("/analys/forslag")).body.split('id="suggest-run"')[1]!;
	const xlsx = await sara.get(linkNamed(section, "Excel (.xlsx)"));
	assert.equal(xlsx.statusCode, 200);
	assert.match(String(xlsx.headers["content-disposition"]), new RegExp(`filename="forslag-${run.id}.xlsx"`));
	const rows = await xlsxRows(xlsx.rawPayload);
	assert.deepEqual(rows[0], ["inspel_id", "text", "källa", "förslag", "tema_id", "poäng", "likhet"]);
	assert.equal(rows.length, labelled.length + 1);
	assert.deepEqual(csvRows((await sara.get(linkNamed(section, "CSV för andra program (komma)"))).body), rows, "the sheet holds the CSV's rows");
	const csv = await sara.get(linkNamed(section, "CSV för svenska Excel (semikolon)"));
	assert.equal(csv.statusCode, 200);
	assert.ok(csv.body.startsWith("\uFEFFinspel_id;text;källa;förslag;tema_id;poäng;likhet\r\n"));
	assert.deepEqual(
		csvRows(csv.body, ";"),
		rows.map((r) => r.map((c) => c.replace(/^0\.(\d+)$/, "0,$1"))),
		"the same rows with decimal commas",
	);
	assert.match(csv.body, /;0,\d+;\r\n/, "a themes run has no fit");
	const json = (await sara.get(`/api/v1/suggestion-runs/${run.id}`)).json();
	assert.equal(json.rows.length, labelled.length);
	assert.equal(json.run.seed, 2);
	assert.ok(json.rows.every((r: { score: number; suggestion: string; fit: number | null }) => r.score > 0 && r.suggestion && r.fit === null));
	const resident = await clientAs(app, db, (await createUser(db)).id);
	assert.equal((await resident.get(`/api/v1/suggestion-runs/${run.id}`)).statusCode, 403);
	assert.equal((await resident.get(`/analys/forslag/korningar/${run.id}.xlsx`)).statusCode, 403);
});

test("an assisted-tagging run exports each guess with its theme, confidence and fit, as .xlsx, CSV and JSON", async () => {
	const run = await finished("assist");
	const stored = (
		(await db.execute(sql`select m.input_id, m.score, m.fit, s.theme_id from suggestion_members m join suggestions s on s.id = m.suggestion_id
			where s.run_id = ${run.id}`)) as unknown as { rows: { input_id: string; score: number; fit: number; theme_id: string }[] }
	).rows;
	assert.ok(stored.length > 0);
	const json = (await sara.get(`/api/v1/suggestion-runs/${run.id}`)).json();
	assert.equal(json.run.kind, "assist");
	const exported = new Map(json.rows.map((r: { inputId: string }) => [r.inputId, r]));
	assert.equal(exported.size, stored.length);
	for (const m of stored) {
		assert.deepEqual(
			exported.get(m.input_id),
			{ ...(exported.get(m.input_id) as object), themeId: m.theme_id, score: Math.round(m.score * 1000) / 1000, fit: Math.round(m.fit * 1000) / 1000 },
		);
	}

	const base = `/analys/forslag/korningar/${run.id}`;
	const [header, ...rows] = await xlsxRows((await sara.get(`${base}.xlsx`)).rawPayload);
	assert.deepEqual(header, ["inspel_id", "text", "källa", "förslag", "tema_id", "poäng", "likhet"]);
	assert.equal(rows.length, stored.length);
	const first = json.rows[0] as { inputId: string; score: number; fit: number };
	assert.deepEqual(rows.find((r) => r[0] === first.inputId)!.slice(5), [String(first.score), String(first.fit)], "confidence and fit as numbers");
	assert.ok(
		rows.every((r) => /^[01](\.\d+)?$/.test(r[5]!) && /^[01](\.\d+)?$/.test(r[6]!)),
		"every guess has a confidence and a fit",
	);
	const excel = csvRows((await sara.get(`${base}.csv?sep=semicolon`)).body, ";");
	assert.deepEqual(excel.find((r) => r[0] === first.inputId)!.slice(5), [String(first.score).replace(".", ","), String(first.fit).replace(".", ",")], "decimal commas for Swedish Excel");

	await sara.get("/language/en?next=/");
	const english = await sara.get(`${base}.csv`);
	await sara.get("/language/sv?next=/");
	assert.ok(english.body.startsWith("\uFEFFinput_id,text,source,suggestion,theme_id,score,fit\r\n"));
	assert.deepEqual(csvRows(english.body).find((r) => r[0] === first.inputId)!.slice(5), [String(first.score), String(first.fit)], "decimal points for other tools");
});
