// A vote's life as the coordinator runs it: each step that cannot be undone is asked for first and says what it does;
// a vote can be closed early; a vote never opened can be deleted; once published nothing about it changes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { clientAs, createOpenVote, createProgramme, createProposal, createUser, personalNumber, signInWithEid } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import * as repo from "./votes.repo.js";

const { app, db, config } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
await createProposal(db, programme.id, { number: 1 });
const staff = () => clientAs(app, db, official.id);

/** The text of a page without its tags, so a sentence split by markup still reads as one. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Whether the page has a form posting to this action. */
const postsTo = (html: string, action: string) => html.includes(`action="${action}"`);

test("opening asks first and says the texts freeze; a vote not yet open can be deleted after a confirmation, an opened one cannot", async () => {
	const client = await staff();
	const created = await client.post("/admin/votes", { title: "Utkastet", opensAt: "2020-01-01 00:00", closesAt: "2099-01-01 00:00", maxChoices: "1", blankAllowed: "yes", resultsBeforeClose: "no", advisory: "advisory", minAge: "", chEid: "no", chCode: "yes", chPaper: "yes", chEmail: "no" });
	const base = created.headers.location as string;
	const draft = text((await client.get(base)).body);
	assert.match(draft, /Omröstningen är inte öppnad/);
	assert.match(draft, /Öppna omröstningen …/);
	assert.match(draft, /Ta bort omröstningen …/);

	const confirmOpen = await client.get(`${base}/open`);
	assert.equal(confirmOpen.statusCode, 200);
	assert.match(text(confirmOpen.body), /Öppna omröstningen\? .*fryses.*Det går inte att ångra/);
	assert.ok(postsTo(confirmOpen.body, `${base}/open`), "the confirmation page carries the form that opens");
	assert.equal((await repo.findVote(db, base.split("/").at(-1)!))!.frozenAt, null, "showing the question opens nothing");

	const confirmDelete = await client.get(`${base}/delete`);
	assert.match(text(confirmDelete.body), /Ta bort omröstningen\? .*röstlängd.*koder/);
	const deleted = await client.post(`${base}/delete`, {});
	assert.equal(deleted.statusCode, 303);
	assert.equal(deleted.headers.location, "/admin/votes");
	assert.equal(await repo.findVote(db, base.split("/").at(-1)!), undefined);
	assert.match((await client.get("/admin/votes")).body, /Omröstningen är borttagen/);

	const { vote } = await createOpenVote(db, programme.id);
	const refused = await client.post(`/admin/votes/${vote.id}/delete`, {});
	assert.equal(refused.statusCode, 409);
	assert.match(refused.body, /En omröstning som har öppnats kan inte tas bort/);
	assert.ok(await repo.findVote(db, vote.id));
	assert.doesNotMatch(text((await client.get(`/admin/votes/${vote.id}`)).body), /Ta bort omröstningen/);
});

test("during voting the page says when publishing appears; closing early asks first, ends web voting, keeps paper, and is logged", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	const during = text((await client.get(base)).body);
	assert.match(during, /Röstningen pågår till .* Då visas knappen ”Stäng och publicera resultatet” här/);
	assert.match(during, /Stäng omröstningen nu …/);
	assert.doesNotMatch(during, /Stäng och publicera resultatet …/);
	assert.equal((await client.get(`${base}/publish`)).headers.location, base, "publishing is not offered before the close");
	const early = await client.post(`${base}/publish`, {});
	assert.equal(early.statusCode, 409);
	assert.match(early.body, /Resultatet kan publiceras först när röstningen har stängt/);

	const confirm = await client.get(`${base}/close`);
	assert.match(text(confirm.body), /Stänga omröstningen i förtid\? Röstningen slutar nu i stället för .*Pappersröster som lämnats under perioden kan fortfarande föras in/);
	assert.equal((await client.post(`${base}/close`, {})).statusCode, 303);
	const closed = (await repo.findVote(db, vote.id))!;
	assert.ok(closed.closesAt <= new Date() && closed.closesAt > vote.opensAt);
	assert.ok((await repo.listAudit(db, vote.id)).some((e) => e.event === "closedEarly"));

	const voter = new TestClient(app);
	signInWithEid(voter, config, personalNumber("19800808"));
	const late = await voter.post(`/omrostning/${vote.id}`, { channel: "eid", choice: options[0]!.id });
	assert.equal(late.statusCode, 422);
	assert.match(late.body, /Omröstningen är stängd/);
	assert.equal((await client.post(`${base}/paper`, { csv: `${personalNumber("19810909")} 1` })).statusCode, 303, "paper slips of the period are still entered");
	assert.equal((await client.post(`${base}/close`, {})).statusCode, 409, "a closed vote cannot be closed again");

	const after = text((await client.get(base)).body);
	assert.match(after, /Röstningen stängde/);
	assert.match(after, /Omröstningen stängdes i förtid/);
	assert.match(after, /Stäng och publicera resultatet …/);
	assert.doesNotMatch(after, /Omröstningen pågår|Röstningen pågår/);
});

test("publishing asks first; afterwards the page offers no roll, code or paper forms and the routes refuse them with a clear message", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code,paper", opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 60_000) });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	await client.post(`${base}/paper`, { csv: `${personalNumber("19820202")} 1` });
	const confirm = await client.get(`${base}/publish`);
	assert.match(text(confirm.body), /Publicera resultatet\? .*inga fler pappersröster/);
	assert.ok(postsTo(confirm.body, `${base}/publish`));
	assert.equal((await client.post(`${base}/publish`, {})).headers.location, `/omrostning/${vote.id}/resultat`);

	const page = (await client.get(base)).body;
	assert.match(text(page), /Resultatet publicerades .* Omröstningen är avslutad/);
	for (const form of ["roll", "codes", "codes/addressed", "paper"]) assert.ok(!postsTo(page, `${base}/${form}`), `no ${form} form`);
	assert.ok(!page.includes(`${base}/letters`) && !page.includes(`${base}/codes.csv`), "no codes to print");

	const before = await repo.markAndBallotCounts(db, vote.id);
	for (const [form, body] of [
		["roll", { csv: personalNumber("19830303") }],
		["codes", { count: "5" }],
		["paper", { csv: `${personalNumber("19840404")} 1` }],
	] as const) {
		const res = await client.post(`${base}/${form}`, body);
		assert.equal(res.statusCode, 422, form);
		assert.match(res.body, /Resultatet är publicerat och omröstningen avslutad.*Inget sparades/, form);
	}
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), before);
	assert.equal((await db.select().from(s.voteCodes).where(eq(s.voteCodes.voteId, vote.id))).length, 0);
	assert.equal(await repo.rollSize(db, vote.id), 0);
});

test("'Skapa koder' says how many codes it made, and that none were new when everyone on the roll has one", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	await client.post(`${base}/roll`, { csv: `${personalNumber("19500505")}\n${personalNumber("19510505")}\n${personalNumber("19520505")}` });
	const first = await client.post(`${base}/codes`, {});
	assert.equal(first.statusCode, 303);
	const made = (await client.get(first.headers.location as string)).body;
	assert.match(made, /role="status">\s*Nya koder skapade: 3\./);
	const second = await client.post(`${base}/codes`, {});
	assert.match((await client.get(second.headers.location as string)).body, /Inga nya koder skapades: alla i röstlängden har redan en kod/);
});

test("importing the roll and entering paper ballots say how many they took in, not a generic 'saved'", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code,paper", frozenAt: null });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	const [a, b] = [personalNumber("19530505"), personalNumber("19540505")];
	const roll = await client.post(`${base}/roll`, { csv: `${a}\n${b}` });
	assert.equal(roll.statusCode, 303);
	const afterRoll = (await client.get(roll.headers.location as string)).body;
	assert.match(afterRoll, /role="status">\s*Röstlängden är inläst: 2 nya personer i röstlängden\./);
	const again = await client.post(`${base}/roll`, { csv: a });
	assert.match((await client.get(again.headers.location as string)).body, /Ingen ny lades till: alla i filen fanns redan i röstlängden/);

	await db.update(s.votes).set({ frozenAt: new Date() }).where(eq(s.votes.id, vote.id));
	const paper = await client.post(`${base}/paper`, { csv: `${a} 1` });
	assert.equal(paper.statusCode, 303);
	const afterPaper = (await client.get(paper.headers.location as string)).body;
	assert.match(afterPaper, /role="status">\s*Pappersröster registrerade: 1\. De räknas med i resultatet/);
});
