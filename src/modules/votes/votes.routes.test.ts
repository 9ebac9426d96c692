import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import * as s from "../../schema.js";
import { createOpenVote, createProgramme, createProposal, createUser, personalNumber, signInAs, signInWithEid } from "../../../test/factories.js";
import { assertSaysTryAgainFrom, testApp, TestClient, testedOn } from "../../../test/helpers.js";
import { castBallot, VoteRefusal } from "./votes.cast.js";
import { codeHash, normaliseCode, pinHash, randomCode, seal } from "./votes.crypto.js";
import * as repo from "./votes.repo.js";
import { auditReport } from "./votes.service.js";
import { tablesXlsx } from "../../lib/spreadsheet.js";

const { app, db, config } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });

async function staff() {
	const client = new TestClient(app);
	await signInAs(client, db, official.id);
	return client;
}

async function anonymousCode(voteId: string) {
	const code = randomCode(12);
	await db.insert(s.voteCodes).values({ voteId, codeHash: codeHash(normaliseCode(code)), sealed: seal(code), rollId: null, batch: 1 });
	return code;
}

test("a resident votes with a letter code on the voting page and checks the receipt", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "code" });
	const code = await anonymousCode(vote.id);
	const client = new TestClient(app);
	const page = await client.get(`/omrostning/${vote.id}`);
	assert.equal(page.statusCode, 200);
	assert.match(page.body, new RegExp(options[0]!.title));
	assert.match(page.body, /Kod från ditt brev/);

	const wrong = await client.post(`/omrostning/${vote.id}`, { channel: "code", code: "AAAA-BBBB-CCCC", choice: options[1]!.id });
	assert.equal(wrong.statusCode, 422);
	assert.match(wrong.body, /Koden finns inte/);
	assert.match(wrong.body, new RegExp(`value="${options[1]!.id}" checked`), "the choice is kept");

	const ok = await client.post(`/omrostning/${vote.id}`, { channel: "code", code, choice: options[1]!.id });
	assert.equal(ok.statusCode, 303);
	const receiptPage = await client.get(ok.headers.location as string);
	assert.match(receiptPage.body, /Din röst är mottagen och räknad/);
	const receipt = /class="receipt-code">([A-Z2-9-]+)</.exec(receiptPage.body)?.[1];
	assert.ok(receipt);

	const again = await client.post(`/omrostning/${vote.id}`, { channel: "code", code, choice: options[0]!.id });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /redan använts/);

	const checked = await new TestClient(app).get(`/omrostning/${vote.id}/kvitto?kvitto=${receipt!.toLowerCase()}`);
	assert.match(checked.body, /är räknad/);
	assert.doesNotMatch(checked.body, new RegExp(options[1]!.title), "the receipt does not reveal the choice");
	const unknown = await new TestClient(app).get(`/omrostning/${vote.id}/kvitto?kvitto=AAAA-BBBB-CCCC-DDDD`);
	assert.match(unknown.body, /Ingen röst med kvittot/);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 1, ballots: 1 });
});

test("guessing letter codes is rate-limited per address; the ballot comes back saying when to try again, the choice kept", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "code" });
	const client = new TestClient(app);
	const responses = [];
	for (let i = 0; i < 21; i++) responses.push(await client.post(`/omrostning/${vote.id}`, { channel: "code", code: `GUESS${i}XXXXXX`, choice: options[1]!.id }));
	const statuses = responses.map((r) => r.statusCode);
	// Earlier tests in this file used a few attempts from the same address: the window began then, within ten minutes.
	const first = statuses.indexOf(429);
	assert.ok(first > 10, `limited after ${first} attempts`);
	assert.deepEqual(statuses.slice(0, first), Array(first).fill(422));
	const refused = responses[first]!;
	assertSaysTryAgainFrom(refused, "sv", new Date(), new Date(Date.now() + 600_000));
	assert.match(refused.body, /Många koder har provats från din uppkoppling på kort tid\. Du kan försöka igen från /);
	assert.match(refused.body, new RegExp(`value="${options[1]!.id}" checked`), "the choice is kept");
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 0, ballots: 0 });
});

test("a signed-in e-mail voter votes once, and the results label the channel unverified", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "email", resultsBeforeClose: true });
	const user = await createUser(db);
	const client = new TestClient(app);
	assert.match((await client.get(`/omrostning/${vote.id}`)).body, /Logga in med e-post för att rösta/);
	await signInAs(client, db, user.id);
	assert.equal((await client.post(`/omrostning/${vote.id}`, { channel: "email", choice: options[2]!.id })).statusCode, 303);
	const twice = await client.post(`/omrostning/${vote.id}`, { channel: "email", choice: options[2]!.id });
	assert.equal(twice.statusCode, 422);
	assert.match(twice.body, /redan röstat/);
	const results = await client.get(`/omrostning/${vote.id}/resultat`);
	assert.match(results.body, /Preliminärt/);
	assert.match(results.body, /Overifierad/);
});

test("the coordinator creates a vote; bad settings are shown with what was typed", async () => {
	await createProposal(db, programme.id, { number: 91, title: "Förslaget som fryses", subtext: "Ursprunglig undertext" });
	const client = await staff();
	assert.match(String((await new TestClient(app).get("/admin/votes")).headers.location), /^\/sign-in/);
	const form = { title: "Ny omröstning", opensAt: "2030-01-08 00:00", closesAt: "2030-01-07 00:00", maxChoices: "1", blankAllowed: "yes", resultsBeforeClose: "no", advisory: "advisory", minAge: "", chEid: "no", chCode: "no", chPaper: "no", chEmail: "no" };
	const bad = await client.post("/admin/votes", form);
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /Öppna minst ett sätt att rösta/);
	assert.match(bad.body, /value="Ny omröstning"/);
	const bad2 = await client.post("/admin/votes", { ...form, chCode: "yes" });
	assert.match(bad2.body, /måste stänga efter/);
	const ok = await client.post("/admin/votes", { ...form, closesAt: "2030-01-20 23:59", chCode: "yes", chPaper: "yes" });
	assert.equal(ok.statusCode, 303);
	const id = (ok.headers.location as string).split("/").at(-1)!;
	const vote = (await repo.findVote(db, id))!;
	assert.equal(vote.opensAt.toISOString(), "2030-01-07T23:00:00.000Z", "entered in Swedish time");
	assert.equal(vote.channels, "code,paper");
	const admin = await client.get(`/admin/votes/${id}`);
	assert.match(admin.body, /Förslaget som fryses/);
	assert.match(admin.body, /Omröstningen skapades/);
});

test("opening a vote freezes the texts: a later edit of the proposal does not change the ballot", async () => {
	const proposal = await createProposal(db, programme.id, { number: 92, title: "Före", subtext: "Text" });
	const client = await staff();
	const ok = await client.post("/admin/votes", { title: "Frystest", opensAt: "2020-01-01 00:00", closesAt: "2099-01-01 00:00", maxChoices: "1", blankAllowed: "no", resultsBeforeClose: "no", advisory: "binding", minAge: "", chEid: "no", chCode: "yes", chPaper: "no", chEmail: "no" });
	const id = (ok.headers.location as string).split("/").at(-1)!;
	await db.update(s.visionProposals).set({ title: "Ändrad före öppning" }).where(eq(s.visionProposals.id, proposal.id));
	assert.equal((await client.post(`/admin/votes/${id}/open`, {})).statusCode, 303);
	await db.update(s.visionProposals).set({ title: "Ändrad efter öppning" }).where(eq(s.visionProposals.id, proposal.id));
	const page = await new TestClient(app).get(`/omrostning/${id}`);
	assert.match(page.body, /Ändrad före öppning/);
	assert.doesNotMatch(page.body, /Ändrad efter öppning/);
	assert.match(page.body, /Omröstningen är bindande/);
});

test("a roll import with a bad row reports every rejected row and stores nothing; a good one stores only hashes", async () => {
	const { vote } = await createOpenVote(db, programme.id, { minAge: 16, frozenAt: null });
	const client = await staff();
	const good = personalNumber("19700101");
	const csv = ["personnummer;namn", `${good.slice(2, 8)}-${good.slice(8)};Anna`, "19700101-0000;Bertil", "abc;Cecilia", `${personalNumber("20200101")};Barn`, `${good};Anna igen`].join("\n");
	const bad = await client.post(`/admin/votes/${vote.id}/roll`, { csv });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /<th scope="row">3<\/th>\s*<td>Kontrollsiffran stämmer inte/);
	assert.match(bad.body, /<th scope="row">4<\/th>\s*<td>Inte ett personnummer/);
	assert.match(bad.body, /<th scope="row">5<\/th>\s*<td>Under åldersgränsen/);
	assert.match(bad.body, /<th scope="row">6<\/th>\s*<td>Samma person/);
	assert.equal(await repo.rollSize(db, vote.id), 0);
	const ok = await client.post(`/admin/votes/${vote.id}/roll`, { csv: `${good}\n${personalNumber("19650202")}` });
	assert.equal(ok.statusCode, 303);
	assert.equal(await repo.rollSize(db, vote.id), 2);
	const stored = JSON.stringify(await db.select().from(s.voteRoll).where(eq(s.voteRoll.voteId, vote.id)));
	assert.ok(!stored.includes(good) && !stored.includes(good.slice(2)));
	assert.ok((await repo.listAudit(db, vote.id)).some((e) => e.event === "rollImported"));
});

test("codes for the roll: issued once per person, exported as CSV and as printable letters", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "code,eid", frozenAt: null });
	const client = await staff();
	const pin = personalNumber("19500303");
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: `${pin}\n${personalNumber("19510303")}` });
	await client.post(`/admin/votes/${vote.id}/open`, {});
	assert.equal((await client.post(`/admin/votes/${vote.id}/codes`, {})).statusCode, 303);
	assert.equal((await client.post(`/admin/votes/${vote.id}/codes`, {})).statusCode, 303);
	const csv = await client.get(`/admin/votes/${vote.id}/codes.csv`);
	assert.equal(csv.headers["content-type"], "text/csv; charset=utf-8");
	const codes = csv.body.trim().split("\r\n").slice(1).map((l) => l.split(";")[1]!);
	assert.equal(codes.length, 2, "a second issue adds no codes for people who already have one");
	assert.ok(codes.every((c) => normaliseCode(c).length === 12));
	const letters = await client.get(`/admin/votes/${vote.id}/letters`);
	assert.equal(letters.statusCode, 200);
	assert.equal((letters.body.match(/<section class="letter"/g) ?? []).length, 2);
	assert.match(String((await new TestClient(app).get(`/admin/votes/${vote.id}/letters`)).headers.location), /^\/sign-in/);
	const addressed = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: `personnummer;namn;adress\n${pin};Anna Andersson;Storgatan 1` });
	assert.equal(addressed.statusCode, 200);
	assert.ok(!addressed.body.includes(pin.slice(2, 8)), "no personal number in the print-shop file");
	assert.match(addressed.body, /^\uFEFFnamn;adress;Kod;Adress\r\nAnna Andersson;Storgatan 1;[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4};http\S+\/r\/[A-Z2-9-]{14}\r\n$/);
	assert.ok(codes.includes(/;([A-Z2-9-]{14});/.exec(addressed.body)![1]!));
	const stranger = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: `${personalNumber("19400101")};Okänd` });
	assert.equal(stranger.statusCode, 422);
	assert.match(stranger.body, /finns inte i röstlängden/);
	// A code and the e-ID of one person on the roll are the same voter.
	await castBallot(db, { voteId: vote.id, channel: "code", voter: { code: codes[0]! }, choices: [options[0]!.id] });
	await castBallot(db, { voteId: vote.id, channel: "code", voter: { code: codes[1]! }, choices: [options[0]!.id] });
	await assert.rejects(castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin }, choices: [options[0]!.id] }), (e) => e instanceof VoteRefusal && e.messageKey === "vote.refusal.alreadyVoted");
});

test("paper ballots in a batch mark the voters; a bad line stores nothing; a paper voter cannot vote on the web", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "paper,eid", blankAllowed: true });
	const client = await staff();
	const [a, b] = [personalNumber("19600101"), personalNumber("19610101")];
	const bad = await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${a} 1\n${b} 9` });
	assert.equal(bad.statusCode, 422);
	assert.match(bad.body, /<th scope="row">2<\/th>\s*<td>Ett valt förslag finns inte/);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 0, ballots: 0 });
	assert.equal((await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${a} 1\n${b} blank` })).statusCode, 303);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 2, ballots: 2 });
	await assert.rejects(castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: a }, choices: [options[0]!.id] }), (e) => e instanceof VoteRefusal && e.messageKey === "vote.refusal.alreadyVoted");
	const again = await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${a} 2` });
	assert.match(again.body, /redan röstat/);
});

test("one person, two paper batches: a roll imported once the vote is open is refused, and the second batch finds the person already voted", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	const client = await staff();
	const person = personalNumber("19720202");
	assert.equal((await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${person} 1` })).statusCode, 303);
	const roll = await client.post(`/admin/votes/${vote.id}/roll`, { csv: `${person}\n${personalNumber("19730303")}` });
	assert.equal(roll.statusCode, 422);
	assert.match(roll.body, /Röstlängden kan inte ändras när omröstningen har öppnats/);
	assert.match(roll.body, new RegExp(person), "what was typed is kept");
	assert.equal(await repo.rollSize(db, vote.id), 0);
	const again = await client.post(`/admin/votes/${vote.id}/paper`, { csv: `${person} 2` });
	assert.equal(again.statusCode, 422);
	assert.match(again.body, /redan röstat/);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 1, ballots: 1 });
	assert.equal((await auditReport(db, vote.id)).ok, true);
});

test("a person's mark is the keyed hash of their number, with or without a roll, and audit:verify finds a person marked twice", async () => {
	const person = personalNumber("19740404");
	const keys = async (voteId: string) => (await db.select({ key: s.voterMarks.voterKey }).from(s.voterMarks).where(eq(s.voterMarks.voteId, voteId))).map((m) => m.key);
	const plain = await createOpenVote(db, programme.id, { channels: "eid" });
	await castBallot(db, { voteId: plain.vote.id, channel: "eid", voter: { pin: person }, choices: [plain.options[0]!.id] });
	const withRoll = await createOpenVote(db, programme.id, { channels: "eid,code", frozenAt: null });
	const client = await staff();
	await client.post(`/admin/votes/${withRoll.vote.id}/roll`, { csv: `${person}\n${personalNumber("19750505")}` });
	await client.post(`/admin/votes/${withRoll.vote.id}/open`, {});
	await castBallot(db, { voteId: withRoll.vote.id, channel: "eid", voter: { pin: person }, choices: [withRoll.options[0]!.id] });
	assert.deepEqual(await keys(plain.vote.id), [`pin:${pinHash(person)}`]);
	assert.deepEqual(await keys(withRoll.vote.id), [`pin:${pinHash(person)}`]);

	// What the earlier key scheme left when a roll came after a paper ballot: the person marked by the roll entry and by the number.
	const [entry] = await db.select().from(s.voteRoll).where(eq(s.voteRoll.pinHash, pinHash(person)));
	await db.insert(s.voterMarks).values({ voteId: withRoll.vote.id, voterKey: `roll:${entry!.id}`, channel: "paper" });
	await db.insert(s.ballots).values({ voteId: withRoll.vote.id, choices: withRoll.options[1]!.id, channel: "paper", receiptHash: "y".repeat(64) });
	const report = await auditReport(db, withRoll.vote.id);
	assert.equal(report.ok, false);
	assert.match(report.lines.join("\n"), /1 person is marked more than once/);
});

test("the voting page takes only the web's channels: a ballot posted as paper is refused, during the vote and after the web period", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid,paper" });
	const voter = new TestClient(app);
	signInWithEid(voter, config, personalNumber("19760606"));
	const open = await voter.post(`/omrostning/${vote.id}`, { channel: "paper", choice: options[0]!.id });
	assert.equal(open.statusCode, 422);
	assert.match(open.body, /Det går inte att rösta på det sättet/);
	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	const late = await voter.post(`/omrostning/${vote.id}`, { channel: "paper", choice: options[0]!.id });
	assert.equal(late.statusCode, 422);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 0, ballots: 0 });
	// Slips handed in during the period are still entered by an official until the results are published.
	assert.equal((await (await staff()).post(`/admin/votes/${vote.id}/paper`, { csv: `${personalNumber("19770707")} 1` })).statusCode, 303);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 1, ballots: 1 });
});

test("a roll with only a header line is refused with a clear message and stores nothing", async () => {
	const { vote } = await createOpenVote(db, programme.id, { frozenAt: null });
	const res = await (await staff()).post(`/admin/votes/${vote.id}/roll`, { csv: "personnummer;namn;adress\n" });
	assert.equal(res.statusCode, 422);
	assert.match(res.body, /Röstlängden har inga personnummer/);
	assert.equal(await repo.rollSize(db, vote.id), 0);
	assert.ok(!(await repo.listAudit(db, vote.id)).some((e) => e.event === "rollImported"));
});

test("addressed letters: a quoted address with a comma stays one column", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null });
	const client = await staff();
	const pin = personalNumber("19780808");
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: pin });
	await client.post(`/admin/votes/${vote.id}/codes`, {});
	const csv = `personnummer,namn,adress,ort\n${pin},"Lund, Karin","Storgatan 1, lgh 1101",935 31 Norsjö`;
	const letters = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv });
	assert.equal(letters.statusCode, 200);
	assert.match(letters.body, /^\uFEFFnamn;adress;ort;Kod;Adress\r\nLund, Karin;Storgatan 1, lgh 1101;935 31 Norsjö;[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4};\S+\r\n$/);
});

test(`two paper batches at once with the same voters in opposite orders: one is stored, the other finds them voted, and no deadlock (on ${testedOn})`, async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper" });
	const deadlocks = async () => Number(((await db.execute(sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
	const before = await deadlocks();
	const [a, b] = [await staff(), await staff()];
	for (let round = 0; round < 3; round++) {
		const people = new Set(Array.from({ length: 30 }, () => personalNumber(`19${50 + round}0101`)));
		const lines = [...people].map((p, i) => `${p} ${1 + (i % 3)}`);
		const outcomes = await Promise.all([a.post(`/admin/votes/${vote.id}/paper`, { csv: lines.join("\n") }), b.post(`/admin/votes/${vote.id}/paper`, { csv: [...lines].reverse().join("\n") })]);
		assert.deepEqual(outcomes.map((o) => o.statusCode).sort(), [303, 422]);
		assert.match(outcomes.find((o) => o.statusCode === 422)!.body, /redan röstat/);
	}
	await new Promise((r) => setTimeout(r, 1500)); // Statistics reach pg_stat_database within a second.
	assert.equal(await deadlocks(), before);
	const counts = await repo.markAndBallotCounts(db, vote.id);
	assert.equal(counts.marks, counts.ballots);
});

test("the vote's exports defuse cells a spreadsheet would run as a formula: the public results and the addressed letters", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null });
	await db.update(s.voteOptions).set({ title: "=HYPERLINK(\"http://evil\")" }).where(eq(s.voteOptions.id, options[0]!.id));
	const client = await staff();
	const pin = personalNumber("19790909");
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: pin });
	await client.post(`/admin/votes/${vote.id}/codes`, {});
	const letters = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: `${pin};@SUM(1);-2+3;+46 70` });
	assert.match(letters.body, /^\uFEFFKolumn 2;Kolumn 3;Kolumn 4;Kod;Adress\r\n'@SUM\(1\);'-2\+3;'\+46 70;[A-Z2-9-]{14};\S+\r\n$/);
	await db.update(s.votes).set({ frozenAt: new Date(), closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	await client.post(`/admin/votes/${vote.id}/publish`, {});
	const results = await new TestClient(app).get(`/omrostning/${vote.id}/resultat.csv`);
	assert.match(results.body, /proposal;1;"'=HYPERLINK\(""http:\/\/evil""\)";0;/);
	assert.doesNotMatch(results.body, /(^|;)"?[=+\-@]/m);
});

test("the voting page shows the audit chain's head during the vote, and audit:verify --expect finds a saved hash or fails", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper" });
	await (await staff()).post(`/admin/votes/${vote.id}/paper`, { csv: `${personalNumber("19810101")} 1` });
	const head = (await repo.lastAudit(db, vote.id))!.hash;
	const page = await new TestClient(app).get(`/omrostning/${vote.id}`);
	assert.match(page.body, new RegExp(`<code class="audit-hash">${head}</code>`));
	// A journalist saved that hash; later entries do not unpin it, a hash never in the chain does.
	await (await staff()).post(`/admin/votes/${vote.id}/paper`, { csv: `${personalNumber("19820202")} 2` });
	const pinned = await auditReport(db, vote.id, head);
	assert.equal(pinned.ok, true, pinned.lines.join("\n"));
	assert.match(pinned.lines.join("\n"), /the expected hash is entry \d+ \(paperBatch/);
	const unknown = await auditReport(db, undefined, "f".repeat(64));
	assert.equal(unknown.ok, false);
	assert.match(unknown.lines.join("\n"), /is not in any vote's audit chain/);
});

test("after the close: a tie is reported as a tie, results publish into the audit chain, and tampering is detected", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid" });
	for (const o of [options[0]!, options[1]!]) await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [o.id] });
	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	const client = await staff();
	assert.match((await new TestClient(app).get(`/omrostning/${vote.id}/resultat`)).body, /Resultatet visas när omröstningen har stängt/);
	assert.equal((await client.post(`/admin/votes/${vote.id}/publish`, {})).statusCode, 303);
	const page = await new TestClient(app).get(`/omrostning/${vote.id}/resultat`);
	assert.match(page.body, /Lika röstetal/);
	const csv = await new TestClient(app).get(`/omrostning/${vote.id}/resultat.csv`);
	assert.match(csv.body, /\r\nproposal;1;[^;\r\n]*;1;0,5\r\n/);
	assert.equal((await auditReport(db, vote.id)).ok, true);

	await db.execute(sql`update vote_audit set details = '{"options":9}' where vote_id = ${vote.id} and seq = 1`);
	const tampered = await auditReport(db, vote.id);
	assert.equal(tampered.ok, false);
	assert.match(tampered.lines.join("\n"), /entry 1: hash does not match/);
});

test("a ballot slipped in after publication is caught by the totals check", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { channels: "eid" });
	await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [options[0]!.id] });
	await db.update(s.votes).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(s.votes.id, vote.id));
	await (await staff()).post(`/admin/votes/${vote.id}/publish`, {});
	await db.insert(s.ballots).values({ voteId: vote.id, choices: options[1]!.id, channel: "eid", receiptHash: "x".repeat(64) });
	const report = await auditReport(db, vote.id);
	assert.equal(report.ok, false);
	assert.match(report.lines.join("\n"), /published totals .* differ|marked but 2 ballots/);
});

test("/vision links to the vote once it is opened, and to its results once they are published", async () => {
	// Opens latest of all the votes in this file, so /vision shows it.
	const far = new Date("2100-01-08T00:00:00Z");
	const { vote } = await createOpenVote(db, programme.id, { opensAt: far, closesAt: new Date("2100-01-21T00:00:00Z"), frozenAt: null });
	const visitor = new TestClient(app);
	const before = await visitor.get("/vision");
	assert.ok(!before.body.includes(`/omrostning/${vote.id}`), "no link before the vote is opened");
	await db.update(s.votes).set({ frozenAt: new Date() }).where(eq(s.votes.id, vote.id));
	const opened = await visitor.get("/vision");
	assert.match(opened.body, new RegExp(`<a href="/omrostning/${vote.id}">Rösta eller läs mer om omröstningen</a>`));
	await db.update(s.votes).set({ resultsPublishedAt: new Date() }).where(eq(s.votes.id, vote.id));
	const published = await visitor.get("/vision");
	assert.match(published.body, new RegExp(`<a href="/omrostning/${vote.id}/resultat">Se resultatet av omröstningen</a>`));
});

test("addressed letters: the roll with names and addresses gives printable letters, and no name or address is stored", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null });
	const client = await staff();
	const pins = [personalNumber("19610101"), personalNumber("19620202")];
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: pins.join("\n") });
	await client.post(`/admin/votes/${vote.id}/codes`, {});
	const admin = await client.get(`/admin/votes/${vote.id}`);
	assert.match(admin.body, /Namn och adresser sparas inte/);
	const letters = await client.post(`/admin/votes/${vote.id}/codes/addressed`, { csv: `personnummer;namn;adress;ort\n${pins[0]};Greta Grönlund;Skolgatan 7;935 31 Norsjö\n${pins[1]};Olle Öberg;Byvägen 2;935 93 Bastuträsk`, format: "letters" });
	assert.equal(letters.statusCode, 200);
	assert.equal(letters.headers["cache-control"], "no-store");
	assert.equal((letters.body.match(/<section class="letter"/g) ?? []).length, 2);
	assert.match(letters.body, /<p class="letter-address">Greta Grönlund<br\/>Skolgatan 7<br\/>935 31 Norsjö<\/p>/);
	assert.match(letters.body, /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
	assert.ok(!letters.body.includes(pins[0]!.slice(2, 8)), "no personal number on the letters");
	// Every row of every table, as text: the names and addresses are nowhere.
	const tables = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
	for (const { table_name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
		const found = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like '%Grönlund%' or t::text like '%Skolgatan%'`);
		assert.equal((found as unknown as { rows: { n: number }[] }).rows[0]!.n, 0, table_name);
	}
});

/** An .xlsx file as Excel saves it, its first sheet holding these rows (the first row as a header). */
async function xlsxFile(name: string, [header, ...rows]: string[][]) {
	return { name, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: await tablesXlsx([{ name: "Blad1", header: header!, rows }]) };
}

/** A workbook whose one sheet has no rows. */
async function emptyWorkbook() {
	const book = new ExcelJS.Workbook();
	book.addWorksheet("Blad1");
	return Buffer.from(await book.xlsx.writeBuffer());
}

test("the roll and a paper batch can be sent as an .xlsx file (first sheet, same columns) and are counted", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper,eid", frozenAt: null, maxChoices: 2 });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	const page = await client.get(base);
	assert.match(page.body, /enctype="multipart\/form-data"/);
	assert.match(page.body, /<label for="field-file">Eller välj röstlängden som fil</);
	assert.match(page.body, /CSV eller Excel \(\.xlsx, första bladet\)/, "the hint says an .xlsx works");

	const [a, b] = [personalNumber("19600404"), personalNumber("19610404")];
	const roll = await client.postFile(`${base}/roll`, { csv: "" }, await xlsxFile("röstlängd.xlsx", [["Personnummer", "Namn"], [a, "Anna"], [b, "Bo"]]));
	assert.equal(roll.statusCode, 303);
	assert.equal(await repo.rollSize(db, vote.id), 2);
	assert.match((await client.get(String(roll.headers.location))).body, /Röstlängden är inläst: 2 nya personer/);

	await client.post(`${base}/open`, {});
	const paper = await client.postFile(`${base}/paper`, { csv: "" }, await xlsxFile("papper.xlsx", [["Personnummer", "Förslag", ""], [a, "1", "2"], [b, "blank", ""]]));
	assert.equal(paper.statusCode, 303);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 2, ballots: 2 });
	assert.match((await client.get(String(paper.headers.location))).body, /Pappersröster registrerade: 2/);
});

test("a bad .xlsx roll or paper file is refused on the file field with a clear message and stores nothing", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "paper,eid", frozenAt: null });
	const client = await staff();
	const base = `/admin/votes/${vote.id}`;
	const hostile = { name: "röstlängd.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: randomBytes(4096) };
	const refusals: [string, Awaited<ReturnType<typeof xlsxFile>> | typeof hostile, RegExp][] = [
		[`${base}/roll`, hostile, /Filen går inte att läsa: den är varken CSV eller en Excel-fil \(\.xlsx\)/],
		[`${base}/roll`, { ...hostile, data: Buffer.from("PK\x03\x04trasig") }, /Filen går inte att läsa: den är varken CSV eller en Excel-fil/],
		[`${base}/roll`, { ...hostile, name: "tom.xlsx", data: await emptyWorkbook() }, /Filen är tom/],
		[`${base}/roll`, await xlsxFile("namn.xlsx", [["Namn", "Adress"], ["Anna", "Storgatan 1"]]), /Röstlängden har rader som inte gick att läsa/],
	];
	for (const [url, file, message] of refusals) {
		const res = await client.postFile(url, { csv: "" }, file);
		assert.equal(res.statusCode, 422, file.name);
		assert.match(res.body, message);
		assert.match(res.body, /Eller välj röstlängden som fil: /, "the error summary names the file field");
	}
	assert.equal(await repo.rollSize(db, vote.id), 0);

	await client.post(`${base}/roll`, { csv: personalNumber("19620404") });
	await client.post(`${base}/open`, {});
	const paper = await client.postFile(`${base}/paper`, { csv: "" }, hostile);
	assert.equal(paper.statusCode, 422);
	assert.match(paper.body, /Filen går inte att läsa: den är varken CSV eller en Excel-fil/);
	const headerOnly = await client.postFile(`${base}/paper`, { csv: "" }, await xlsxFile("papper.xlsx", [["Personnummer", "Förslag"]]));
	assert.equal(headerOnly.statusCode, 422);
	assert.match(headerOnly.body, /Filen är tom/);
	assert.deepEqual(await repo.markAndBallotCounts(db, vote.id), { marks: 0, ballots: 0 });
	assert.ok(!(await repo.listAudit(db, vote.id)).some((e) => e.event === "paperBatch"));
});
