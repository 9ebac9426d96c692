import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { pdfStructure } from "../../../test/pdf-structure.js";
import { createFocusArea, createGoal, createIndicator, createOrganisation, createProgramme, createUser, lastMailTo, signedInCoordinator, signedInUser } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as s from "../../schema.js";
import { goalReportFiles, goalReports } from "./followup.schema.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const byggforetag = await createOrganisation(db, { name: "Norsjö Bygg AB" });
const forening = await createOrganisation(db, { name: "Bygdeföreningen" });
const population = await createIndicator(db, programme.id, { title: "Invånare", unit: "antal", koladaKpi: "N01951", baselineValue: "4000", baselineYear: 2018, better: "higher" });
await db.insert(s.indicatorValues).values(
	[2018, 2019, 2020, 2021].map((year, i) => ({ indicatorId: population.id, municipality: "2417", year, value: String(4000 + i * 20) })),
);
const growth = await createGoal(db, programme.id, area.id, { organisationId: byggforetag.id, title: "Fler bor i Norsjö", targetIndicatorId: population.id, targetValue: "4200", targetYear: 2028 });
const cleanups = await createIndicator(db, programme.id, { title: "Städdagar per år", unit: "antal", baselineValue: "2", baselineYear: 2019, better: "higher" });
const cleanupGoal = await createGoal(db, programme.id, area.id, { organisationId: forening.id, title: "Städa bygden", targetIndicatorId: cleanups.id, targetValue: "6", targetYear: 2023 });
const contact = await createUser(db, { email: "kontakt@bygdeforeningen.se", memberOf: { organisationId: forening.id, role: "admin" } });

const byggContact = await createUser(db, { email: "info@norsjobygg.se", memberOf: { organisationId: byggforetag.id, role: "admin" } });
const roundTitle = (html: string) => /<h1>([^<]+)<\/h1>/.exec(html)![1];

const coordinatorClient = await signedInCoordinator(app, db, coordinator.id);
const member = (await signedInUser(app, db, { memberOf: { organisationId: forening.id, role: "member" } })).client;
const outsider = (await signedInUser(app, db)).client;

const future = "2099-12-31";

async function newRound(values: Record<string, string> = {}): Promise<string> {
	const res = await coordinatorClient.post("/admin/uppfoljning", { title: `Uppföljning ${Math.random()}`, periodStart: "2021-01-01", periodEnd: "2021-12-31", deadline: future, ...values });
	assert.equal(res.statusCode, 303, res.body);
	return res.headers.location!.split("/").pop()!;
}

test("the coordinator creates a round; a period that ends before it starts is refused at its field, with what was typed kept", async () => {
	const bad = await coordinatorClient.post("/admin/uppfoljning", { title: "Uppföljning 2021", periodStart: "2021-12-31", periodEnd: "2021-01-01", deadline: future });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /id="error-periodEnd">Perioden kan inte sluta före den börjar\./);
	assert.match(bad.body, /value="Uppföljning 2021"/);
	const id = await newRound();
	const page = await coordinatorClient.get(`/admin/uppfoljning/${id}`);
	assert.match(page.body, /Utkast/);
	assert.match(page.body, /<th scope="row">Bygdeföreningen<\/th><td>0 av 1<\/td>/);
	assert.equal((await outsider.get("/admin/uppfoljning")).statusCode, 403);
	assert.equal((await new TestClient(app).get(`/uppfoljning/${id}`)).statusCode, 404, "a draft's report is not public");
	assert.equal((await new TestClient(app).get(`/uppfoljning/${id}/diagram/${population.id}?size=wide`)).statusCode, 404, "nor its charts");
	const preview = await coordinatorClient.get(`/uppfoljning/${id}/diagram/${population.id}?size=wide&lang=en`);
	assert.equal(preview.headers["cache-control"], "private, no-store", "the coordinator's preview of a chart is not kept");
	assert.match(preview.body, /^<svg role="img" aria-label="Values for Invånare"/, "drawn in the language asked for");
});

test("a member reports on the organisation's goal with an own value written with a decimal comma; an override needs a reason", async () => {
	const id = await newRound();
	assert.equal((await member.get(`/uppfoljning/${id}/rapportera`)).statusCode, 404, "a draft takes no reports");
	const confirm = await coordinatorClient.get(`/admin/uppfoljning/${id}/oppna`);
	assert.match(confirm.body, /Öppna omgången\?/);
	assert.equal((await coordinatorClient.post(`/admin/uppfoljning/${id}/oppna`, {})).statusCode, 303);

	const list = await member.get(`/uppfoljning/${id}/rapportera`);
	assert.match(list.body, /<th scope="row">Städa bygden<\/th>/);
	assert.doesNotMatch(list.body, /Fler bor i Norsjö/, "only the member's own organisation's goals");

	const typed = { status: "on_track", account: "Vi höll fyra städdagar.", evidence: "https://bygdeforeningen.se/arsberattelse", ownValue: "4,5", ownValueYear: "2021", progressOverride: "at_risk", overrideReason: "" };
	const noReason = await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, typed);
	assert.equal(noReason.statusCode, 422);
	assert.match(noReason.body, /id="error-overrideReason">Skriv varför er bedömning skiljer sig från den beräknade\./);
	assert.match(noReason.body, /Vi höll fyra städdagar\./, "the account is kept");

	const saved = await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, { ...typed, overrideReason: "Två av dagarna regnade bort." });
	assert.equal(saved.statusCode, 303);
	const [stored] = await db.select().from(goalReports).where(eq(goalReports.roundId, id));
	assert.deepEqual([stored!.ownValue, stored!.ownValueYear, stored!.progressOverride, stored!.evidence], ["4.5", 2021, "at_risk", ["https://bygdeforeningen.se/arsberattelse"]]);

	const form = await member.get(`/uppfoljning/${id}/mal/${cleanupGoal.id}`);
	assert.match(form.body, /Vi höll fyra städdagar\./, "the form shows the report given");
	assert.equal((await outsider.get(`/uppfoljning/${id}/mal/${cleanupGoal.id}`)).statusCode, 403);
	assert.equal((await member.post(`/uppfoljning/${id}/mal/${growth.id}`, typed)).statusCode, 403, "another organisation's goal");
});

test("a goal measured in Kolada takes no own value; a report after the deadline is refused with everything typed kept", async () => {
	const id = await newRound({ deadline: "2022-01-31" });
	await coordinatorClient.post(`/admin/uppfoljning/${id}/oppna`, {});
	const admin = (await signedInUser(app, db, { memberOf: { organisationId: byggforetag.id, role: "admin" } })).client;
	const late = await admin.post(`/uppfoljning/${id}/mal/${growth.id}`, { status: "on_track", account: "Tolv nya hus byggda." });
	assert.equal(late.statusCode, 422);
	assert.match(late.body, /Sista dagen att rapportera har passerat/);
	assert.match(late.body, /Tolv nya hus byggda\./);
	assert.equal((await db.select().from(goalReports).where(eq(goalReports.roundId, id))).length, 0);
	const kolada = await admin.post(`/uppfoljning/${(await newOpenRound())}/mal/${growth.id}`, { status: "on_track", account: "x", ownValue: "12", ownValueYear: "2021" });
	assert.equal(kolada.statusCode, 422);
	assert.match(kolada.body, /hämtas från Kolada/);
});

async function newOpenRound(): Promise<string> {
	const id = await newRound();
	await coordinatorClient.post(`/admin/uppfoljning/${id}/oppna`, {});
	return id;
}

test("the coordinator reminds those who have not reported, publishes, and the report stays as it was published", async () => {
	const id = await newOpenRound();
	await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, { status: "achieved", account: "Sex städdagar i år." });
	assert.equal((await coordinatorClient.post(`/admin/uppfoljning/${id}/paminn`, {})).statusCode, 303);
	const page = await coordinatorClient.get(`/admin/uppfoljning/${id}`);
	assert.match(page.body, /<th scope="row">Bygdeföreningen<\/th><td>1 av 1<\/td>/);
	assert.match(page.body, /<th scope="row">Norsjö Bygg AB<\/th><td>0 av 1<\/td>/);
	const reminder = await lastMailTo(db, byggContact.email);
	assert.equal(reminder?.subject, `Påminnelse: rapportera era mål i ${roundTitle(page.body)}`);
	assert.match(reminder!.body, new RegExp(`/uppfoljning/${id}/rapportera`));
	assert.equal(await lastMailTo(db, contact.email), undefined, "no reminder to an organisation that has reported on every goal");

	assert.equal((await coordinatorClient.post(`/admin/uppfoljning/${id}/publicera`, {})).statusCode, 303);
	const resident = new TestClient(app);
	const report = await resident.get(`/uppfoljning/${id}`);
	assert.equal(report.statusCode, 200);
	assert.match(report.body, /<h2 id="area-[^"]+">Vår miljö<\/h2>/);
	assert.match(report.body, /Sex städdagar i år\./);
	// 4 060 in 2021 against a line from 4 000 (2018) to 4 200 (2028) that expects 4 060: on track, with the rule shown.
	assert.match(report.body, /Enligt plan<\/span> <span class="meta">Beräknat från Invånare: utgångsvärde 4[\s\u00a0]000 \(2018\), mål 4[\s\u00a0]200 \(2028\)/);
	assert.match((await resident.get("/uppfoljning")).body, new RegExp(`href="/uppfoljning/${id}"`));

	// Later changes do not reach a published report, and it takes no more reports.
	await db.update(s.goals).set({ title: "Ett nytt namn" }).where(eq(s.goals.id, cleanupGoal.id));
	assert.match((await resident.get(`/uppfoljning/${id}`)).body, /Städa bygden/);
	const closed = await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, { status: "achieved", account: "Ett tillägg." });
	assert.equal(closed.statusCode, 422);
	assert.match(closed.body, /Rapporten är redan publicerad/);
	await db.update(s.goals).set({ title: "Städa bygden" }).where(eq(s.goals.id, cleanupGoal.id));

	const mine = await resident.get(`/uppfoljning/${id}?organisation=${forening.id}`);
	assert.match(mine.body, /Städa bygden/);
	assert.doesNotMatch(mine.body, /Fler bor i Norsjö/, "the report narrowed to one organisation");
});

test("the published report downloads as CSV, Excel, JSON and a PDF whose text can be extracted", async () => {
	const id = await newOpenRound();
	await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, { status: "achieved", account: "Sex städdagar; alla byar deltog." });
	await coordinatorClient.post(`/admin/uppfoljning/${id}/publicera`, {});
	const resident = new TestClient(app);
	const csv = await resident.get(`/uppfoljning/${id}/rapport.csv`);
	assert.match(csv.headers["content-type"] as string, /text\/csv/);
	assert.match(csv.body, /^\uFEFFfocusArea;owner;goal;/);
	assert.match(csv.body, /Vår miljö;Bygdeföreningen;Städa bygden;[^\r]*Uppnått;[^\r]*"Sex städdagar; alla byar deltog\."/);
	const json = (await resident.get(`/uppfoljning/${id}/rapport.json`)).json();
	assert.equal(json.areas[0].name, "Vår miljö");
	const xlsx = await resident.get(`/uppfoljning/${id}/rapport.xlsx`);
	assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), "PK", "an Office Open XML zip");
	const pdf = await resident.get(`/uppfoljning/${id}/rapport.pdf`);
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
	assert.match(text, /Städa bygden/);
	assert.match(text, /Sex städdagar; alla byar deltog\./);
	// Tagged for screen readers: the round is the title, areas, owners and goals are headings, the account a paragraph.
	const { tagged, elements } = await pdfStructure(new Uint8Array(pdf.rawPayload));
	assert.ok(tagged, "the PDF is marked as tagged");
	const at = (line: string) => {
		assert.ok(elements.includes(line), `"${line}" in ${elements.join(" | ").slice(0, 600)}`);
		return elements.indexOf(line);
	};
	assert.ok(elements[0]?.startsWith("P: "), `the programme's name comes first: ${elements.slice(0, 3)}`);
	assert.ok(elements.some((e) => /^H1: /.test(e)), `a title: ${elements.slice(0, 5)}`);
	assert.ok(at("H2: Vår miljö") < at("H3: Bygdeföreningen") && at("H3: Bygdeföreningen") < at("H4: Städa bygden"), "headings in order");
	assert.ok(at("H4: Städa bygden") < at("P: Sex städdagar; alla byar deltog."), "the account follows its goal");
});

test("an own measure's reported value judges its goal on the goal's page once the round is published, like a Kolada value", async () => {
	const id = await newOpenRound();
	await member.post(`/uppfoljning/${id}/mal/${cleanupGoal.id}`, { status: "on_track", account: "Fem städdagar.", ownValue: "5", ownValueYear: "2021" });
	const resident = new TestClient(app);
	const rule = /Beräknat från Städdagar per år: utgångsvärde 2 \(2019\), mål 6 \(2023\)[^<]*senaste värde är 5 \(2021\)/;
	assert.doesNotMatch((await resident.get(`/mal/${cleanupGoal.id}`)).body, rule, "a report not yet published is not shown");
	await coordinatorClient.post(`/admin/uppfoljning/${id}/publicera`, {});
	const page = (await resident.get(`/mal/${cleanupGoal.id}`)).body;
	// 5 in 2021 against a line from 2 (2019) to 6 (2023) that expects 4: on track.
	assert.match(page, /Enligt plan<\/span> <span class="meta">Beräknat från Städdagar per år/);
	assert.match(page, rule);
});

test("a member uploads a PDF as evidence; a wrong type, an empty choice or a file before the report is refused at the file field; the public downloads it once published", async () => {
	const id = await newOpenRound();
	const form = `/uppfoljning/${id}/mal/${cleanupGoal.id}`;
	const pdf = { name: "Årsberättelse 2021.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.7\n% Bygdeföreningen\n%%EOF\n") };
	const first = await member.postFile(`${form}/fil`, {}, pdf);
	assert.equal(first.statusCode, 422);
	assert.match(first.body, /role="alert"[\s\S]*Spara rapporten för målet först\./, "told in the error summary: there is no file field before the report");

	await member.post(form, { status: "on_track", account: "Fyra städdagar." });
	const page = await member.get(form);
	assert.match(page.body, /<h2 id="evidence-files">Filer som underlag<\/h2>/);
	assert.match(page.body, /enctype="multipart\/form-data"/);

	// A page pretending to be a PDF: its bytes decide, not its name or the type the browser claims.
	const html = await member.postFile(`${form}/fil`, {}, { name: "rapport.pdf", type: "application/pdf", data: Buffer.from("<html><script>alert(1)</script></html>") });
	assert.equal(html.statusCode, 422);
	assert.match(html.body, /id="error-file">Den här filtypen tas inte emot\./);
	assert.match((await member.postFile(`${form}/fil`, {})).body, /id="error-file">Välj en fil att ladda upp\./);
	assert.equal((await outsider.postFile(`${form}/fil`, {}, pdf)).statusCode, 403, "only the goal's owner");

	assert.equal((await member.postFile(`${form}/fil`, {}, pdf)).statusCode, 303);
	assert.equal((await member.postFile(`${form}/fil`, {}, { name: "deltagare.csv", type: "text/csv", data: Buffer.from("by;deltagare\nBastuträsk;14\n") })).statusCode, 303);
	const files = await db.select().from(goalReportFiles).where(eq(goalReportFiles.roundId, id));
	assert.deepEqual(files.map((f) => [f.fileName, f.contentType]).sort(), [["deltagare.csv", "text/csv; charset=utf-8"], ["Årsberättelse 2021.pdf", "application/pdf"]]);
	const pdfFile = files.find((f) => f.contentType === "application/pdf")!;
	const csvFile = files.find((f) => f.contentType !== "application/pdf")!;

	const resident = new TestClient(app);
	assert.equal((await resident.get(`/uppfoljning/${id}/fil/${pdfFile.id}`)).statusCode, 404, "not public before the round is published");
	assert.equal((await member.get(`/uppfoljning/${id}/fil/${pdfFile.id}`)).statusCode, 200, "the reporting member sees it");
	assert.equal((await member.post(`${form}/fil/${csvFile.id}/ta-bort`, {})).statusCode, 303);
	assert.match((await member.get(form)).body, /Årsberättelse 2021\.pdf \(1 kB\)/);

	await coordinatorClient.post(`/admin/uppfoljning/${id}/publicera`, {});
	const report = await resident.get(`/uppfoljning/${id}`);
	assert.match(report.body, new RegExp(`<a href="/uppfoljning/${id}/fil/${pdfFile.id}" download="Årsberättelse 2021.pdf">Årsberättelse 2021.pdf \\(1 kB\\)</a>`));
	assert.doesNotMatch(report.body, /deltagare\.csv/, "a removed file is gone");
	const download = await resident.get(`/uppfoljning/${id}/fil/${pdfFile.id}`);
	assert.equal(download.headers["content-type"], "application/pdf");
	assert.match(download.headers["content-disposition"] as string, /^attachment; filename="/);
	assert.equal(download.headers["x-content-type-options"], "nosniff");
	assert.equal(download.headers["content-security-policy"], "sandbox", "a file is never run as a page of the site (they are not virus-scanned: README)");
	assert.deepEqual(download.rawPayload, pdf.data);
	const removeLate = await member.post(`${form}/fil/${pdfFile.id}/ta-bort`, {});
	assert.equal(removeLate.statusCode, 422, "a published report's files stay");
	assert.match(removeLate.body, /Rapporten är redan publicerad/);
	assert.equal((await db.select().from(goalReportFiles).where(eq(goalReportFiles.roundId, id))).length, 1);
});
