import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { clientAs, createFocusArea, createProgramme, createUser } from "../../../test/factories.js";
import { testApp, TestClient, testedOn } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const area = await createFocusArea(db, programme.id, { name: "Vår miljö" });
const coordinatorAdmin = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const author = await createUser(db, { name: "Ida Idérik" });
const neighbour = await createUser(db, { name: "Nils Granne" });

async function submitIdea(title: string): Promise<string> {
	const res = await (await clientAs(app, db, author.id)).post("/ideer/ny", { title, text: "Bygg en cykelväg mellan byarna.", focusAreaId: area.id });
	assert.equal(res.statusCode, 303);
	return String(res.headers.location).split("/").pop()!;
}

test("a signed-in resident submits an idea; it is public and becomes an input", async () => {
	const id = await submitIdea("Cykelväg till Bastuträsk");
	const page = await new TestClient(app).get(`/ideer/${id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, /<h1>Cykelväg till Bastuträsk<\/h1>/);
	assert.match(page.body, /Ida Idérik/);
	assert.match(page.body, /Fokusområde: Vår miljö/);
	assert.match((await new TestClient(app).get("/ideer")).body, /Cykelväg till Bastuträsk/);
	const [input] = await db.select().from(s.inputs).where(and(eq(s.inputs.source, "idea"), eq(s.inputs.sourceId, id)));
	assert.equal(input?.focusAreaId, area.id);
	assert.match(input!.text, /cykelväg mellan byarna/);
});

test("only signed-in residents may submit; bad input keeps what was typed", async () => {
	const anonymous = await new TestClient(app).get("/ideer/ny");
	assert.equal(anonymous.statusCode, 303);
	const client = await clientAs(app, db, author.id);
	const res = await client.post("/ideer/ny", { title: "", text: "z".repeat(4001), focusAreaId: "00000000-0000-0000-0000-000000000000" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Fyll i fältet/);
	assert.match(res.body, /högst 4000 tecken/);
	assert.match(res.body, /zzzz/);
	const forged = await client.post("/ideer/ny", { title: "Hej", text: "Text", focusAreaId: "00000000-0000-0000-0000-000000000000" });
	assert.equal(forged.statusCode, 422);
	assert.match(forged.body, /Välj ett av alternativen/);
});

test("comments are stored as inputs; an empty comment gets a message", async () => {
	const id = await submitIdea("Fler bänkar");
	const client = await clientAs(app, db, neighbour.id);
	const empty = await client.post(`/ideer/${id}/kommentarer`, { comment: "  " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Fyll i fältet/);
	const ok = await client.post(`/ideer/${id}/kommentarer`, { comment: "Bra idé, gärna vid älven!" });
	assert.equal(ok.statusCode, 303);
	assert.match((await client.get(`/ideer/${id}`)).body, /Bra idé, gärna vid älven!/);
	const rows = await db.select().from(s.inputs).where(eq(s.inputs.source, "comment"));
	assert.ok(rows.some((r) => r.text === "Bra idé, gärna vid älven!" && r.focusAreaId === area.id));
});

test(`one support per person: concurrent double clicks count once and a second support is told plainly (on ${testedOn})`, async () => {
	const id = await submitIdea("Isbana på sjön");
	const client = await clientAs(app, db, neighbour.id);
	const _csrf = await client.csrfToken();
	const results = await Promise.all([1, 2, 3].map(() => client.post(`/ideer/${id}/stod`, { _csrf }, { csrf: false })));
	assert.ok(results.every((r) => r.statusCode === 303));
	const rows = await db.select().from(s.ideaSupports).where(eq(s.ideaSupports.ideaId, id));
	assert.equal(rows.length, 1);
	await client.post(`/ideer/${id}/stod`, {});
	const page = await client.get(`/ideer/${id}`);
	assert.match(page.body, /Du stöder redan den här idén|Du stöder den här idén/);
	assert.match(page.body, /1 personer stöder idén/);
});

test("residents report abuse; coordinators see reports, hide with a reason shown to the author, and restore", async () => {
	const id = await submitIdea("Olämplig idé");
	const reporter = await clientAs(app, db, neighbour.id);
	const noReason = await reporter.post(`/ideer/${id}/anmal`, { reason: "", commentId: "" });
	assert.equal(noReason.statusCode, 422);
	assert.equal((await reporter.post(`/ideer/${id}/anmal`, { reason: "Kränkande mot grannar", commentId: "" })).statusCode, 303);
	const moderator = await clientAs(app, db, coordinatorAdmin.id);
	const reports = await moderator.get("/admin/ideer");
	assert.match(reports.body, /Kränkande mot grannar/);
	assert.equal((await reporter.get("/admin/ideer")).statusCode, 403);
	assert.equal((await reporter.post(`/ideer/${id}/dolj`, { hideReason: "Nej" })).statusCode, 403);

	const withoutReason = await moderator.post(`/ideer/${id}/dolj`, { hideReason: "" });
	assert.equal(withoutReason.statusCode, 422);
	assert.match(withoutReason.body, /Skäl till att idén döljs: Fyll i fältet/);
	assert.equal((await moderator.post(`/ideer/${id}/dolj`, { hideReason: "Bryter mot reglerna om respekt." })).statusCode, 303);
	assert.equal((await new TestClient(app).get(`/ideer/${id}`)).statusCode, 404);
	assert.doesNotMatch((await new TestClient(app).get("/ideer")).body, /Olämplig idé/);
	const authorView = await (await clientAs(app, db, author.id)).get(`/ideer/${id}`);
	assert.equal(authorView.statusCode, 200);
	assert.match(authorView.body, /Skäl: Bryter mot reglerna om respekt\./);
	const [input] = await db.select().from(s.inputs).where(and(eq(s.inputs.source, "idea"), eq(s.inputs.sourceId, id)));
	assert.equal(input?.hidden, true);

	assert.equal((await moderator.post(`/ideer/${id}/aterstall`, {})).statusCode, 303);
	assert.equal((await new TestClient(app).get(`/ideer/${id}`)).statusCode, 200);
});

test("a resident reports one comment from its own link; the coordinator sees which comment; a forged comment is refused", async () => {
	const id = await submitIdea("Fiskecamp vid Malån");
	const reporter = await clientAs(app, db, neighbour.id);
	assert.equal((await (await clientAs(app, db, author.id)).post(`/ideer/${id}/kommentarer`, { comment: "Ni är alla idioter" })).statusCode, 303);
	const [comment] = await db.select().from(s.ideaComments).where(eq(s.ideaComments.ideaId, id));
	const page = await reporter.get(`/ideer/${id}`);
	assert.ok(page.body.includes(`<a href="/ideer/${id}?anmal=${comment!.id}#report-title">Anmäl kommentar 1</a>`));
	const chosen = await reporter.get(`/ideer/${id}?anmal=${comment!.id}`);
	assert.match(chosen.body, new RegExp(`<option value="${comment!.id}" selected[^>]*>Kommentar 1</option>`));

	const forged = await reporter.post(`/ideer/${id}/anmal`, { reason: "Elakt", commentId: "00000000-0000-4000-8000-000000000000" });
	assert.equal(forged.statusCode, 422);
	assert.match(forged.body, /Välj ett av alternativen/);
	assert.match(forged.body, /Elakt/);
	assert.equal((await reporter.post(`/ideer/${id}/anmal`, { reason: "Kallar folk idioter", commentId: comment!.id })).statusCode, 303);
	const [stored] = await db.select().from(s.ideaReports).where(eq(s.ideaReports.commentId, comment!.id));
	assert.equal(stored?.reporterId, neighbour.id);
	const moderation = await (await clientAs(app, db, coordinatorAdmin.id)).get("/admin/ideer");
	assert.ok(moderation.body.includes(`<a href="/ideer/${id}#comment-${comment!.id}">En kommentar: Ni är alla idioter</a>`));
	assert.match(moderation.body, /Kallar folk idioter/);
});

/** An idea by the author with one comment per text, by the neighbour unless told; their ids in order. */
async function ideaWithComments(title: string, texts: string[], by = neighbour.id): Promise<{ id: string; commentIds: string[] }> {
	const id = await submitIdea(title);
	const commenter = await clientAs(app, db, by);
	for (const comment of texts) assert.equal((await commenter.post(`/ideer/${id}/kommentarer`, { comment })).statusCode, 303);
	const rows = await db.select().from(s.ideaComments).where(eq(s.ideaComments.ideaId, id)).orderBy(s.ideaComments.createdAt, s.ideaComments.id);
	return { id, commentIds: texts.map((text) => rows.find((r) => r.text === text)!.id) };
}

async function commentInputHidden(commentId: string): Promise<boolean | undefined> {
	const [input] = await db.select().from(s.inputs).where(and(eq(s.inputs.source, "comment"), eq(s.inputs.sourceId, commentId)));
	return input?.hidden;
}

async function storedComment(commentId: string) {
	const [row] = await db.select().from(s.ideaComments).where(eq(s.ideaComments.id, commentId));
	return row!;
}

test("a coordinator hides one comment with a reason: others no longer see it, its author reads why, its input is hidden; restoring brings it back", async () => {
	const { id, commentIds } = await ideaWithComments("Badplats vid Storsjön", ["Gärna en brygga", "Ni är alla idioter"]);
	const offending = commentIds[1]!;
	const moderator = await clientAs(app, db, coordinatorAdmin.id);
	const ideaPage = await moderator.get(`/ideer/${id}`);
	assert.ok(ideaPage.body.includes(`<a href="/ideer/${id}/kommentarer/${offending}/dolj">Dölj kommentar 2</a>`));

	const form = await moderator.get(`/ideer/${id}/kommentarer/${offending}/dolj`);
	assert.equal(form.statusCode, 200);
	assert.match(form.body, /<h1>Dölj en kommentar<\/h1>/);
	assert.match(form.body, /Ni är alla idioter/);
	assert.match(form.body, /Högst 1000 tecken/);
	const empty = await moderator.post(`/ideer/${id}/kommentarer/${offending}/dolj`, { hideReason: " " });
	assert.equal(empty.statusCode, 422);
	assert.match(empty.body, /Skäl till att kommentaren döljs: Fyll i fältet/);
	const tooLong = await moderator.post(`/ideer/${id}/kommentarer/${offending}/dolj`, { hideReason: `Kränkande ${"x".repeat(1000)}` });
	assert.equal(tooLong.statusCode, 422);
	assert.match(tooLong.body, /högst 1000 tecken/);
	assert.match(tooLong.body, /Kränkande xxxx/);
	assert.equal((await storedComment(offending)).hiddenAt, null);

	const hidden = await moderator.post(`/ideer/${id}/kommentarer/${offending}/dolj`, { hideReason: "Kallar andra idioter." });
	assert.equal(hidden.statusCode, 303);
	assert.equal(hidden.headers.location, `/ideer/${id}#comment-${offending}`);
	assert.match((await moderator.get(`/ideer/${id}`)).body, /Kommentaren är dold\. Den som skrev kommentaren ser skälet\./);

	for (const viewer of [new TestClient(app), await clientAs(app, db, author.id)]) {
		const page = await viewer.get(`/ideer/${id}`);
		assert.doesNotMatch(page.body, /Ni är alla idioter/);
		assert.doesNotMatch(page.body, /Kallar andra idioter/);
		assert.match(page.body, /Gärna en brygga/);
	}
	assert.match((await new TestClient(app).get("/ideer")).body, /Badplats vid Storsjön<\/a>\s*<\/h2>\s*<p>0 stöder · 1 kommentarer/);
	const own = await (await clientAs(app, db, neighbour.id)).get(`/ideer/${id}`);
	assert.match(own.body, /Ni är alla idioter/);
	assert.match(own.body, /Samordnaren har dolt kommentaren\. Skäl: Kallar andra idioter\./);
	assert.match(own.body, /Bara du och samordnaren ser den\./);
	assert.doesNotMatch(own.body, /Anmäl kommentar 2/);
	const coordinatorPage = await moderator.get(`/ideer/${id}`);
	assert.match(coordinatorPage.body, /Skäl: Kallar andra idioter\./);
	assert.match(coordinatorPage.body, /<button type="submit" class="secondary">Visa kommentar 2 igen<\/button>/);
	assert.equal(await commentInputHidden(offending), true);
	assert.equal(await commentInputHidden(commentIds[0]!), false);
	const download = (await (await clientAs(app, db, neighbour.id)).get("/account/data")).json();
	assert.ok(download.comments.some((c: { text: string; hiddenReason: string | null }) => c.text === "Ni är alla idioter" && c.hiddenReason === "Kallar andra idioter."));

	const moderation = await moderator.get("/admin/ideer");
	assert.match(moderation.body, /Dolda kommentarer/);
	assert.ok(moderation.body.includes(`<a href="/ideer/${id}#comment-${offending}">Kommentar på Badplats vid Storsjön</a>`));
	assert.match(moderation.body, /”Ni är alla idioter” Skäl: Kallar andra idioter\./);

	// A second hide (a double click, or a second coordinator) changes nothing and says so.
	const again = await moderator.post(`/ideer/${id}/kommentarer/${offending}/dolj`, { hideReason: "Annat skäl" });
	assert.equal(again.statusCode, 303);
	assert.match((await moderator.get(`/ideer/${id}`)).body, /Kommentaren var redan dold/);
	assert.equal((await storedComment(offending)).hiddenReason, "Kallar andra idioter.");

	const restored = await moderator.post(`/ideer/${id}/kommentarer/${offending}/aterstall`, {});
	assert.equal(restored.statusCode, 303);
	assert.equal(restored.headers.location, `/ideer/${id}#comment-${offending}`);
	assert.match((await new TestClient(app).get(`/ideer/${id}`)).body, /Ni är alla idioter/);
	assert.equal(await commentInputHidden(offending), false);
	assert.equal((await moderator.post(`/ideer/${id}/kommentarer/${offending}/aterstall`, {})).statusCode, 303);
	const stored = await storedComment(offending);
	assert.deepEqual([stored.hiddenAt, stored.hiddenReason, stored.hiddenBy], [null, null, null]);
});

test("only coordinators and administrators hide and restore comments; anonymous, residents and the comment's author are refused", async () => {
	const { id, commentIds } = await ideaWithComments("Lekplats i Kusfors", ["Vi behöver gungor"]);
	const comment = commentIds[0]!;
	const anonymous = new TestClient(app);
	const anonymousForm = await anonymous.get(`/ideer/${id}/kommentarer/${comment}/dolj`);
	assert.equal(anonymousForm.statusCode, 303);
	assert.match(String(anonymousForm.headers.location), /^\/sign-in/);
	assert.equal((await anonymous.post(`/ideer/${id}/kommentarer/${comment}/dolj`, { hideReason: "Nej" })).statusCode, 303);
	for (const userId of [author.id, neighbour.id]) {
		const client = await clientAs(app, db, userId);
		assert.equal((await client.get(`/ideer/${id}/kommentarer/${comment}/dolj`)).statusCode, 403);
		assert.equal((await client.post(`/ideer/${id}/kommentarer/${comment}/dolj`, { hideReason: "Nej" })).statusCode, 403);
		assert.doesNotMatch((await client.get(`/ideer/${id}`)).body, /Dölj kommentar 1/);
	}
	assert.equal((await storedComment(comment)).hiddenAt, null);

	const administrator = await createUser(db, { isAdministrator: true });
	const admin = await clientAs(app, db, administrator.id);
	assert.equal((await admin.post(`/ideer/${id}/kommentarer/${comment}/dolj`, { hideReason: "Fel tråd." })).statusCode, 303);
	const stored = await storedComment(comment);
	assert.equal(stored.hiddenBy, administrator.id);
	assert.ok(stored.hiddenAt);

	assert.equal((await anonymous.post(`/ideer/${id}/kommentarer/${comment}/aterstall`, {})).statusCode, 303);
	for (const userId of [author.id, neighbour.id]) {
		assert.equal((await (await clientAs(app, db, userId)).post(`/ideer/${id}/kommentarer/${comment}/aterstall`, {})).statusCode, 403);
	}
	assert.ok((await storedComment(comment)).hiddenAt, "still hidden after the refused restores");
	assert.equal((await (await clientAs(app, db, coordinatorAdmin.id)).post(`/ideer/${id}/kommentarer/${comment}/aterstall`, {})).statusCode, 303);
	assert.equal((await storedComment(comment)).hiddenAt, null);
});

test("a malformed or unknown comment id, or a comment of another idea, is a 404 and changes nothing", async () => {
	const first = await ideaWithComments("Vandringsled runt sjön", ["Fin idé"]);
	const other = await ideaWithComments("Bibliotek på lördagar", ["Ja tack"]);
	const moderator = await clientAs(app, db, coordinatorAdmin.id);
	const paths = [
		`/ideer/${first.id}/kommentarer/inte-ett-id`,
		`/ideer/${first.id}/kommentarer/00000000-0000-4000-8000-000000000000`,
		`/ideer/${first.id}/kommentarer/${other.commentIds[0]}`,
		`/ideer/inte-ett-id/kommentarer/${first.commentIds[0]}`,
	];
	for (const path of paths) {
		assert.equal((await moderator.get(`${path}/dolj`)).statusCode, 404, path);
		assert.equal((await moderator.post(`${path}/dolj`, { hideReason: "Skäl" })).statusCode, 404, path);
		assert.equal((await moderator.post(`${path}/aterstall`, {})).statusCode, 404, path);
	}
	assert.equal((await storedComment(other.commentIds[0]!)).hiddenAt, null);
	assert.equal((await storedComment(first.commentIds[0]!)).hiddenAt, null);
});

test("hiding an idea hides its comments' inputs; restoring it leaves a comment hidden on its own hidden", async () => {
	const { id, commentIds } = await ideaWithComments("Torgdag i Bastuträsk", ["Skräp och reklam", "Gärna på lördagar"]);
	const [spam, fine] = commentIds as [string, string];
	const moderator = await clientAs(app, db, coordinatorAdmin.id);
	assert.equal((await moderator.post(`/ideer/${id}/kommentarer/${spam}/dolj`, { hideReason: "Reklam." })).statusCode, 303);
	assert.equal((await moderator.post(`/ideer/${id}/dolj`, { hideReason: "Dubblett." })).statusCode, 303);
	assert.deepEqual([await commentInputHidden(spam), await commentInputHidden(fine)], [true, true]);

	// Showing the comment while its idea is hidden keeps its input out of the pool until the idea is back.
	assert.equal((await moderator.post(`/ideer/${id}/kommentarer/${spam}/aterstall`, {})).statusCode, 303);
	assert.equal(await commentInputHidden(spam), true);
	assert.equal((await moderator.post(`/ideer/${id}/kommentarer/${spam}/dolj`, { hideReason: "Reklam." })).statusCode, 303);

	assert.equal((await moderator.post(`/ideer/${id}/aterstall`, {})).statusCode, 303);
	assert.deepEqual([await commentInputHidden(spam), await commentInputHidden(fine)], [true, false]);
	const page = await new TestClient(app).get(`/ideer/${id}`);
	assert.equal(page.statusCode, 200);
	assert.doesNotMatch(page.body, /Skräp och reklam/);
	assert.match(page.body, /Gärna på lördagar/);
	assert.equal((await storedComment(spam)).hiddenReason, "Reklam.");
});

test(`restoring an idea while another coordinator hides one of its comments leaves that comment's input hidden (on ${testedOn})`, async () => {
	for (let round = 0; round < 5; round++) {
		const { id, commentIds } = await ideaWithComments(`Badplats vid Petikträsk ${round}`, ["Reklam för en firma", "Bra idé"]);
		const [spam, fine] = commentIds as [string, string];
		const first = await clientAs(app, db, coordinatorAdmin.id);
		const second = await clientAs(app, db, coordinatorAdmin.id);
		assert.equal((await first.post(`/ideer/${id}/dolj`, { hideReason: "Granskas." })).statusCode, 303);
		const [restored, hidden] = await Promise.all([first.post(`/ideer/${id}/aterstall`, {}), second.post(`/ideer/${id}/kommentarer/${spam}/dolj`, { hideReason: "Reklam." })]);
		assert.deepEqual([restored.statusCode, hidden.statusCode], [303, 303]);
		assert.deepEqual([await commentInputHidden(spam), await commentInputHidden(fine)], [true, false], `round ${round}`);
	}
});

test("a reported comment is hidden from the moderation page and restored there; a hidden comment cannot be reported", async () => {
	const { id, commentIds } = await ideaWithComments("Konstgräsplan vid skolan", ["Dumma förslag från dumma människor"]);
	const comment = commentIds[0]!;
	const reporter = await clientAs(app, db, author.id);
	assert.equal((await reporter.post(`/ideer/${id}/anmal`, { reason: "Förolämpning", commentId: comment })).statusCode, 303);
	const moderator = await clientAs(app, db, coordinatorAdmin.id);
	const before = await moderator.get("/admin/ideer");
	assert.ok(before.body.includes(`<a href="/ideer/${id}/kommentarer/${comment}/dolj">Dölj kommentaren</a>`));

	assert.equal((await moderator.post(`/ideer/${id}/kommentarer/${comment}/dolj`, { hideReason: "Förolämpar andra." })).statusCode, 303);
	const after = await moderator.get("/admin/ideer");
	assert.match(after.body, /<td>Kommentaren är dold<\/td>/);
	assert.ok(after.body.includes(`action="/ideer/${id}/kommentarer/${comment}/aterstall"`));
	assert.match(after.body, /name="tillbaka" value="admin"/);
	assert.doesNotMatch((await reporter.get(`/ideer/${id}`)).body, new RegExp(`<option value="${comment}"`));
	const forged = await reporter.post(`/ideer/${id}/anmal`, { reason: "Igen", commentId: comment });
	assert.equal(forged.statusCode, 422);
	assert.match(forged.body, /Välj ett av alternativen/);

	const restored = await moderator.post(`/ideer/${id}/kommentarer/${comment}/aterstall`, { tillbaka: "admin" });
	assert.equal(restored.headers.location, "/admin/ideer");
	assert.match((await moderator.get("/admin/ideer")).body, /Kommentaren är inte längre dold\./);
	assert.equal((await storedComment(comment)).hiddenAt, null);
});
