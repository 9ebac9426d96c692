// The vision page of the demo stays true to its history when the programme goes on: a new vote does not replace the
// 2019 vote the vision came out of, and each later amendment is credited to its own body, § and mover.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs, createOpenVote } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);
const [coordinator] = await db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
const [programme] = await db.select().from(s.programmes);
const [winner] = await db.select().from(s.visionProposals).where(eq(s.visionProposals.number, 5));
const amended2023 = "Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet, mod och ny teknik välkomnar vi besökare, bosättare, företag och etablerare.";

/** The text of an element's contents, without tags. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("a new vote opened by the coordinator does not take the 2019 vote's place on the vision page", async () => {
	const { vote } = await createOpenVote(db, programme!.id, { title: "Omröstning om nya fokusområden" });
	await db.insert(s.voteOptions).values({ voteId: vote.id, proposalId: winner!.id, position: 9, title: winner!.title, subtext: winner!.subtext });

	const page = text((await new TestClient(app).get("/vision")).body);
	assert.match(page, /Omröstningen Publik omröstning om ny vision för Norsjöbygden/);
	assert.match(page, /8–20 januari 2019/);
	assert.match(page, /5 förslag var ute för omröstning\./, "the proposals are the 2019 ballot's, not the new vote's");
	assert.match(page, /En ny omröstning pågår: Omröstning om nya fokusområden/);
	assert.doesNotMatch(page, /Omröstningen Omröstning om nya fokusområden/);
});

test("each amendment of the vision is shown with its own body, §, mover and change", async () => {
	const before = text((await new TestClient(app).get("/vision")).body);
	assert.match(before, /Ändringen när visionen antogs/);
	assert.match(before, /Kommunstyrelsen ändrade undertexten på yrkande av Magnus Eriksson \(S\) \(§ 15\)/);
	assert.doesNotMatch(before, /Kommunfullmäktige ändrade/);

	const client = await clientAs(app, db, coordinator!.id);
	const [council] = await db.select().from(s.decisionBodies).where(eq(s.decisionBodies.name, "Kommunfullmäktige"));
	const meeting = await client.post("/admin/beslut/sammantraden", { bodyId: council!.id, heldOn: "2023-03-01" });
	assert.equal(meeting.statusCode, 303);
	const item = await client.post(`${meeting.headers.location}/paragrafer`, {
		paragraph: "20",
		caseNumber: "KS-23/00042",
		title: "Visionens undertext",
		decidedOn: "2023-03-01",
		background: "Företagen saknas i undertexten.",
		proposedDecision: "Undertexten ändras.",
		points: "Undertexten ändras.",
		distribution: "Kommunstyrelsen",
	});
	assert.equal(item.statusCode, 303);
	const motion = await client.post(`${item.headers.location}/yrkanden`, {
		memberName: "Anna Lindqvist",
		party: "C",
		kind: "amend",
		text: "Företag läggs till i undertexten.",
		proposalId: winner!.id,
		amendedText: amended2023,
		outcome: "bifall",
	});
	assert.equal(motion.statusCode, 303);

	const html = (await new TestClient(app).get("/vision")).body;
	const page = text(html);
	assert.ok(html.includes(`<p class="lead">${amended2023}</p>`), "the text in force is the 2023 one");
	assert.match(page, /Ändringarna av undertexten sedan omröstningen/);
	const first = page.indexOf("Kommunstyrelsen ändrade undertexten på yrkande av Magnus Eriksson (S) (§ 15)");
	const second = page.indexOf("Kommunfullmäktige ändrade undertexten på yrkande av Anna Lindqvist (C) (§ 20)");
	assert.ok(first > 0 && second > first, "both amendments, in order, each credited to its own body and mover");
	assert.match(page, /Texten som röstades om .*Med öppenhet \[borttaget: och \] mod/);
	assert.match(page, /Texten före ändringen .*besökare, bosättare och etablerare/);
	assert.match(page, /Den antagna texten .*bosättare \[tillagt: , företag \] och etablerare/);
	assert.match(html, /<a href="\/beslut\/paragrafer\/[^"]+">Beslutet: Kommunstyrelsen 4 februari 2019, § 15/);
	assert.match(html, /<a href="\/beslut\/paragrafer\/[^"]+">Beslutet: Kommunfullmäktige 1 mars 2023, § 20/);
});
