import assert from "node:assert/strict";
import { parse } from "content-disposition";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { pdfStructure } from "../../../test/pdf-structure.js";
import { clientAs, createFocusArea, createOrganisation, createProgramme, createProposal, createUser, createVisionText } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { flashMessage } from "../../../test/page-checks.js";
import * as s from "../../schema.js";

const { app, db } = await testApp();

/** A Content-Disposition header as its type and parameters. */
const disposition = (header: unknown) => {
	const { type, parameters } = parse(String(header));
	return { type, ...parameters };
};
const { programme, coordinator } = await createProgramme(db);
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const club = await createOrganisation(db, { name: "Testbygdens IK" });
const clubAdmin = await createUser(db, { memberOf: { organisationId: club.id, role: "admin" } });
const clubMember = await createUser(db, { memberOf: { organisationId: club.id, role: "member" } });
const area = await createFocusArea(db, programme.id, { name: "En trygg bygd" });
const proposal = await createProposal(db, programme.id, { number: 5, title: "Världens bästa vardag", subtext: "Med öppenhet och mod välkomnar vi besökare." });
await createVisionText(db, programme.id, { proposalId: proposal.id, title: proposal.title, subtext: proposal.subtext, adoptedOn: "2019-01-20" });

const idFrom = (location: unknown) => String(location).split("/").at(-1)!;

/** A body and meeting of the coordinating organisation, made through the forms. */
async function meeting(client: TestClient, name: string, heldOn: string): Promise<string> {
	assert.equal((await client.post("/admin/beslut/organ", { organisationId: coordinator.id, name })).statusCode, 303);
	const [body] = await db.select().from(s.decisionBodies).where(eq(s.decisionBodies.name, name));
	const res = await client.post("/admin/beslut/sammantraden", { bodyId: body!.id, heldOn });
	assert.equal(res.statusCode, 303);
	return idFrom(res.headers.location);
}

const itemForm = { paragraph: "15", caseNumber: "KS-18/01483", title: "Ny vision för Testbygden", decidedOn: "2019-02-04", background: "Bakgrund om visionen.", proposedDecision: "Kommunen antar visionen.", points: "Kommunen antar visionen.\nUndertexten ändras.", distribution: "Katarzyna Wikström\nInger Johansson", isKey: "on" };

test("an official records a meeting item with an amendment that gets bifall, and the vision text changes", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const meetingId = await meeting(client, "Kommunstyrelsen", "2019-02-04");
	const [council] = await db.select().from(s.decisionBodies).where(eq(s.decisionBodies.name, "Kommunstyrelsen"));
	assert.equal((await client.post("/admin/beslut/visionsorgan", { bodyId: council!.id })).statusCode, 303, "the coordinator names the body that adopts the vision");
	const created = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, itemForm);
	assert.equal(created.statusCode, 303);
	const itemId = idFrom(created.headers.location);

	const motion = await client.post(`/admin/beslut/paragrafer/${itemId}/yrkanden`, {
		memberName: "Magnus Eriksson",
		party: "S",
		kind: "amend",
		text: "Förslag 5 får en ny undertext.",
		proposalId: proposal.id,
		amendedText: "Med öppenhet, mod och ny teknik välkomnar vi besökare.",
		outcome: "bifall",
	});
	assert.equal(motion.statusCode, 303);
	assert.equal(flashMessage((await client.get(String(motion.headers.location))).body), "Yrkandet är registrerat.");
	assert.equal((await client.post(`/admin/beslut/paragrafer/${itemId}/kopplingar`, { target: `focus_area:${area.id}` })).statusCode, 303);
	assert.equal((await client.post(`/admin/beslut/paragrafer/${itemId}/underlag`, { docTitle: "Tjänsteskrivelse", url: "https://example.se/skrivelse.pdf" })).statusCode, 303);

	const vision = await new TestClient(app).get("/vision");
	assert.match(vision.body, /<p class="lead">Med öppenhet, mod och ny teknik välkomnar vi besökare\.<\/p>/);
	assert.match(vision.body, /<h5>Texten som röstades om<\/h5>/);
	assert.match(vision.body, /<del><span class="visually-hidden">\[borttaget: <\/span> och<span class="visually-hidden">\]<\/span><\/del>/);
	assert.match(vision.body, /Ändringen när visionen antogs/);
	assert.match(vision.body, /Kommunstyrelsen 4 februari 2019, § 15: Ny vision för Testbygden/);

	const page = await new TestClient(app).get(`/beslut/paragrafer/${itemId}`);
	assert.match(page.body, /Magnus Eriksson \(S\) yrkar ändring\./);
	assert.match(page.body, /<a href="https:\/\/example.se\/skrivelse.pdf">Tjänsteskrivelse<\/a>/);
	assert.match(page.body, /<ol><li>Kommunen antar visionen\.<\/li><li>Undertexten ändras\.<\/li><\/ol>/);
	const areaPage = await new TestClient(app).get(`/fokusomraden/${area.id}`);
	assert.match(areaPage.body, /Beslut som gäller detta/);
	assert.match(areaPage.body, /§ 15: Ny vision för Testbygden/);
	assert.match((await new TestClient(app).get("/")).body, /Kommunstyrelsen § 15, Ny vision för Testbygden/);

	// The extract: a printable page with the print stylesheet, and a PDF whose text comes out in Swedish.
	const extract = await new TestClient(app).get(`/beslut/paragrafer/${itemId}/utdrag`);
	assert.match(extract.body, /<link rel="stylesheet" href="\/static\/print.css" media="print"\/>/);
	assert.doesNotMatch(extract.body, /style=/);
	const pdf = await new TestClient(app).get(`/beslut/paragrafer/${itemId}/utdrag.pdf`);
	assert.equal(pdf.statusCode, 200);
	assert.equal(pdf.headers["content-type"], "application/pdf");
	assert.deepEqual(disposition(pdf.headers["content-disposition"]), { type: "attachment", filename: "utdrag-KS-18-01483-15.pdf" });
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
	const flat = text.replace(/\s+/g, " ");
	for (const expected of ["Utdrag ur protokoll", "Kommunstyrelsen, sammanträde 4 februari 2019", "§ 15 Ny vision för Testbygden", "KS-18/01483", "Magnus Eriksson (S) yrkar ändring.", "Med öppenhet, mod och ny teknik välkomnar vi besökare.", "Utfall: bifall", "Katarzyna Wikström", "Beslutet expedieras till"]) {
		assert.ok(flat.includes(expected), `the PDF says "${expected}": ${flat.slice(0, 400)}`);
	}
	// Tagged for screen readers: the item is the title, its parts are headings, the decision's points a list.
	const { tagged, lang, elements } = await pdfStructure(new Uint8Array(pdf.rawPayload));
	assert.ok(tagged && lang === "sv", "a tagged PDF in Swedish");
	for (const expected of ["H1: § 15 Ny vision för Testbygden", "H2: Beslut"]) assert.ok(elements.includes(expected), `"${expected}" in ${elements.join(" | ").slice(0, 600)}`);
	assert.ok(elements.some((e) => e.startsWith("LBody: ")), "the decision's points are a list");
});

test("bad input: a duplicate §, a decision before its meeting, an amendment to a proposal that is gone → messages, nothing stored", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const meetingId = await meeting(client, "Kommunfullmäktige", "2019-02-04");
	assert.equal((await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "5" })).statusCode, 303);
	const before = (await db.select().from(s.decisionItems)).length;

	const duplicate = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "5", title: "Dubblett" });
	assert.equal(duplicate.statusCode, 422);
	assert.match(duplicate.body, /Den paragrafen finns redan i sammanträdet\./);
	assert.match(duplicate.body, /value="Dubblett"/);

	const early = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "6", decidedOn: "2019-02-03" });
	assert.equal(early.statusCode, 422);
	assert.match(early.body, /Beslutet kan inte vara daterat före sammanträdet\./);
	assert.equal((await db.select().from(s.decisionItems)).length, before);

	const [item] = await db.select().from(s.decisionItems).where(eq(s.decisionItems.meetingId, meetingId));
	const gone = await client.post(`/admin/beslut/paragrafer/${item!.id}/yrkanden`, { memberName: "Anna A", party: "C", kind: "amend", text: "Ändra.", proposalId: "00000000-0000-4000-8000-000000000000", amendedText: "Ny text.", outcome: "bifall" });
	assert.equal(gone.statusCode, 422);
	assert.match(gone.body, /Förslaget finns inte längre\./);
	assert.match(gone.body, /Anna A/);
	const missing = await client.post(`/admin/beslut/paragrafer/${item!.id}/yrkanden`, { memberName: "Anna A", kind: "amend", text: "Ändra.", outcome: "bifall" });
	assert.equal(missing.statusCode, 422);
	assert.match(missing.body, /Välj förslaget som ändringen gäller\./);
	assert.equal((await db.select().from(s.motions).where(eq(s.motions.itemId, item!.id))).length, 0);
});

test("a correction keeps the published version and its reason, and the page says it was corrected", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const meetingId = await meeting(client, "Kommunstyrelsens arbetsutskott", "2019-03-01");
	const created = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "1", title: "Felstavad rubrik", decidedOn: "2019-03-01" });
	const itemId = idFrom(created.headers.location);
	const noReason = await client.post(`/admin/beslut/paragrafer/${itemId}/rattelse`, { ...itemForm, title: "Rättad rubrik", decidedOn: "2019-03-01", reason: "" });
	assert.equal(noReason.statusCode, 422);
	assert.match(noReason.body, /Skäl till rättelsen: Fyll i fältet\./);
	const fixed = await client.post(`/admin/beslut/paragrafer/${itemId}/rattelse`, { ...itemForm, title: "Rättad rubrik", decidedOn: "2019-03-01", reason: "Rubriken var felstavad." });
	assert.equal(fixed.statusCode, 303);
	const page = await new TestClient(app).get(`/beslut/paragrafer/${itemId}`);
	assert.match(page.body, /<h1>§ 1 Rättad rubrik<\/h1>/);
	assert.match(page.body, /Beslutet har rättats\./);
	assert.match(page.body, /Skäl: Rubriken var felstavad\./);
	assert.match(page.body, /<h3>§ 1 Felstavad rubrik<\/h3>/);
});

test("an association's admin records and withdraws its own adoption; withdrawing twice is refused; the history is kept", async () => {
	const client = await clientAs(app, db, clubAdmin.id);
	const form = await client.get("/admin/antaganden");
	assert.equal(form.statusCode, 200);
	assert.doesNotMatch(form.body, new RegExp(`value="${coordinator.id}"`), "only their own organisation to choose");
	const other = await client.post("/admin/antaganden", { organisationId: coordinator.id, decidedOn: "2019-05-01", body: "Styrelsen" });
	assert.equal(other.statusCode, 422);
	assert.match(other.body, /Organisationen finns inte\./);

	const recorded = await client.post("/admin/antaganden", { organisationId: club.id, decidedOn: "2019-05-01", body: "Styrelsen", reference: "§ 7", documentUrl: "https://example.se/protokoll.pdf" });
	assert.equal(recorded.statusCode, 303);
	const again = await client.post("/admin/antaganden", { organisationId: club.id, decidedOn: "2019-05-02", body: "Årsmötet" });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /redan ett gällande antagande/);
	const page = await new TestClient(app).get("/visionen/antaganden");
	assert.match(page.body, /Testbygdens IK<\/a><\/th><td><time datetime="2019-05-01">1 maj 2019<\/time><\/td><td>Styrelsen<\/td><td>§ 7<\/td><td><a href="https:\/\/example.se\/protokoll.pdf">/);

	const [adoption] = await db.select().from(s.adoptions).where(eq(s.adoptions.organisationId, club.id));
	assert.equal((await client.post(`/admin/antaganden/${adoption!.id}/aterkalla`, { withdrawnOn: "2020-01-10" })).statusCode, 303);
	const twice = await client.post(`/admin/antaganden/${adoption!.id}/aterkalla`, { withdrawnOn: "2020-02-01" });
	assert.equal(twice.statusCode, 422);
	assert.match(twice.body, /Antagandet är redan återkallat\. Inget har ändrats\./);
	const [stored] = await db.select().from(s.adoptions).where(eq(s.adoptions.id, adoption!.id));
	assert.equal(stored?.withdrawnOn, "2020-01-10");
	const after = await new TestClient(app).get("/visionen/antaganden");
	assert.match(after.body, /Testbygdens IK antog visionen 1 maj 2019 \(Styrelsen\) och återkallade antagandet 10 januari 2020\./);

	// A plain member is no official; the coordinator records on another organisation's behalf.
	assert.equal((await (await clientAs(app, db, clubMember.id)).get("/admin/antaganden")).statusCode, 403);
	const company = await createOrganisation(db, { name: "Testbolaget AB" });
	const coord = await clientAs(app, db, coordinatorAdmin.id);
	assert.equal((await coord.post("/admin/antaganden", { organisationId: company.id, decidedOn: "2019-06-01", body: "Styrelsen" })).statusCode, 303);
});

test("handing over the coordinator role is a recorded decision: the new coordinator's admins get the rights, the old lose them", async () => {
	const oldAdmin = await clientAs(app, db, coordinatorAdmin.id);
	const meetingId = await meeting(oldAdmin, "Kommunfullmäktiges presidium", "2020-01-15");
	const created = await oldAdmin.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "3", title: "Samordningen av Framtidsprogrammet", decidedOn: "2020-01-15" });
	const itemId = idFrom(created.headers.location);
	const early = await oldAdmin.post("/admin/samordnare", { organisationId: club.id, fromDate: "2020-01-01", itemId });
	assert.equal(early.statusCode, 422);
	assert.match(early.body, /Datumet kan inte vara före beslutet\./);
	const handedOver = await oldAdmin.post("/admin/samordnare", { organisationId: club.id, fromDate: "2020-02-01", itemId });
	assert.equal(handedOver.statusCode, 303);
	assert.equal(flashMessage((await oldAdmin.get(String(handedOver.headers.location))).body), "Samordningen är överlämnad. Den nya samordnarens administratörer har nu rättigheterna.");

	assert.equal((await oldAdmin.get("/admin/proposals")).statusCode, 403);
	const newAdmin = await clientAs(app, db, clubAdmin.id);
	assert.equal((await newAdmin.get("/admin/proposals")).statusCode, 200);
	const history = await newAdmin.get("/admin/samordnare");
	assert.match(history.body, /Testbygdens IK från 1 februari 2020/);
	const [current] = await db.select().from(s.programmes).where(eq(s.programmes.id, programme.id));
	assert.equal(current?.coordinatorId, club.id);
});

test("an uploaded document is stored with its name and size, limited in size, and always served as a download", async () => {
	const client = await clientAs(app, db, coordinatorAdmin.id);
	const meetingId = await meeting(client, "Kommunstyrelsens utskott", "2019-04-01");
	const created = await client.post(`/admin/beslut/sammantraden/${meetingId}/paragrafer`, { ...itemForm, paragraph: "2", decidedOn: "2019-04-01" });
	const itemId = idFrom(created.headers.location);
	const upload = (fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => client.postFile(`/admin/beslut/paragrafer/${itemId}/fil`, fields, file);

	const html = Buffer.from("<script>alert('x')</script>");
	const saved = await upload({ fileTitle: "Bilaga om fokusområden" }, { name: "bilaga.html", type: "text/html", data: html });
	assert.equal(saved.statusCode, 303);
	const [doc] = await db.select().from(s.decisionDocuments).where(eq(s.decisionDocuments.itemId, itemId));
	assert.deepEqual({ title: doc?.title, fileName: doc?.fileName, size: doc?.size, contentType: doc?.contentType }, { title: "Bilaga om fokusområden", fileName: "bilaga.html", size: html.length, contentType: "application/octet-stream" });

	const page = await new TestClient(app).get(`/beslut/paragrafer/${itemId}`);
	assert.match(page.body, /Bilaga om fokusområden \(fil, 1 kB\)/);
	const download = await new TestClient(app).get(`/beslut/underlag/${doc!.id}`);
	assert.equal(download.statusCode, 200);
	assert.equal(download.headers["content-type"], "application/octet-stream");
	assert.deepEqual(disposition(download.headers["content-disposition"]), { type: "attachment", filename: "bilaga.html" });
	assert.equal(download.body, html.toString());

	const tooLarge = await upload({ fileTitle: "För stor" }, { name: "stor.pdf", type: "application/pdf", data: Buffer.alloc(2 * 1024 * 1024 + 1) });
	assert.equal(tooLarge.statusCode, 422);
	assert.match(tooLarge.body, /Filen är för stor: högst 2 MB\./);
	assert.match(tooLarge.body, /value="För stor"/);
	const none = await upload({ fileTitle: "Ingen fil" });
	assert.equal(none.statusCode, 422);
	assert.match(none.body, /Välj en fil att ladda upp\./);
	assert.equal((await db.select().from(s.decisionDocuments).where(eq(s.decisionDocuments.itemId, itemId))).length, 1);

	// å, ä and ö stay in the name the file is stored and downloaded under (with a plain fallback for old clients).
	await upload({ fileTitle: "Protokoll" }, { name: "Protokoll från Norsjö.pdf", type: "application/pdf", data: Buffer.from("%PDF") });
	const [swedish] = await db.select().from(s.decisionDocuments).where(eq(s.decisionDocuments.title, "Protokoll"));
	assert.equal(swedish?.fileName, "Protokoll från Norsjö.pdf");
	const swedishDownload = await new TestClient(app).get(`/beslut/underlag/${swedish!.id}`);
	assert.deepEqual(disposition(swedishDownload.headers["content-disposition"]), { type: "attachment", filename: "Protokoll från Norsjö.pdf" });
});

test("an association's admin finds the adoption form from their organisation's page, and its back link leads home again", async () => {
	const association = await createOrganisation(db, { name: "Byaföreningen" });
	const admin = await createUser(db, { memberOf: { organisationId: association.id, role: "admin" } });
	const client = await clientAs(app, db, admin.id);
	const workspace = await client.get(`/aktorer/${association.id}/hantera`);
	assert.match(workspace.body, /<a href="\/admin\/antaganden">Anteckna organisationens beslut att anta visionen<\/a>/);
	const adoptions = await client.get("/admin/antaganden");
	assert.equal(adoptions.statusCode, 200);
	const back = /<a href="([^"]+)">Tillbaka till Byaföreningen<\/a>/.exec(adoptions.body)?.[1];
	assert.equal(back, `/aktorer/${association.id}/hantera`);
	assert.equal((await client.get(back)).statusCode, 200);
});
