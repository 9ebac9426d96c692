// Letters to voters: the municipality as sender, a short address that leads to the ballot with the code filled in,
// the same address as a QR code, and no code in the server's log.
import assert from "node:assert/strict";
import { test } from "node:test";
import QRCode from "qrcode";
import { clientAs, createOpenVote, createProgramme, createUser, personalNumber } from "../../../test/factories.js";
import { assertSaysTryAgainFrom, TestClient, testApp } from "../../../test/helpers.js";
import { publicBaseUrl } from "../../lib/public-url.js";
import { loggerOptions } from "../../plugins/logging.js";

const { app, db, config } = await testApp();
const { programme, coordinator } = await createProgramme(db);
const official = await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } });
const base = publicBaseUrl(config);

test("each letter names the municipality as sender and carries a short address and a QR code of exactly that address", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code", frozenAt: null });
	const client = await clientAs(app, db, official.id);
	await client.post(`/admin/votes/${vote.id}/roll`, { csv: `${personalNumber("19500101")}\n${personalNumber("19510101")}` });
	await client.post(`/admin/votes/${vote.id}/codes`, {});
	const page = (await client.get(`/admin/votes/${vote.id}/letters`)).body;
	const letters = page.split('<section class="letter"').slice(1);
	assert.equal(letters.length, 2);
	for (const letter of letters) {
		assert.match(letter, new RegExp(`<p class="letter-sender"><strong>${coordinator.name}</strong>`));
		const code = /class="receipt-code">([A-Z2-9-]{14})</.exec(letter)![1]!;
		const short = `${base}/r/${code}`;
		assert.ok(short.length < 50, `${short} is short enough to type`);
		assert.ok(letter.includes(`<strong>${short}</strong>`), "the short address is printed");
		const qr = /<div class="letter-qr" role="img" aria-label="QR-kod till ([^"]+)">(<svg[\s\S]*?<\/svg>)/.exec(letter);
		assert.equal(qr?.[1], short);
		assert.equal(qr?.[2]?.trim(), (await QRCode.toString(short, { type: "svg", errorCorrectionLevel: "M", margin: 2 })).trim(), "the QR code is drawn from the short address");
	}
	assert.doesNotMatch(page, /Omröstningen pågår/);
});

test("the short address opens the ballot with the code filled in, in any case and with or without hyphens; an unknown code is a clear 404", async () => {
	const { vote } = await createOpenVote(db, programme.id, { channels: "code" });
	const admin = await clientAs(app, db, official.id);
	await admin.post(`/admin/votes/${vote.id}/codes`, { count: "1" });
	const csv = (await admin.get(`/admin/votes/${vote.id}/codes.csv`)).body;
	const [, code, short] = csv.trim().split("\r\n")[1]!.split(";");
	assert.equal(short, `${base}/r/${code}`);
	for (const path of [`/r/${code}`, `/r/${code!.replaceAll("-", "").toLowerCase()}`]) {
		const res = await new TestClient(app).get(path);
		assert.equal(res.statusCode, 200, path);
		assert.match(res.body, new RegExp(`<form method="post" action="/omrostning/${vote.id}"`));
		assert.match(res.body, /name="code"[^>]*value="[A-Z2-9-]+"|value="[A-Z2-9-]+"[^>]*name="code"/);
		assert.ok(res.body.toUpperCase().includes(`VALUE="${path.slice(3).toUpperCase()}"`), "the code is filled in");
	}
	const unknown = await new TestClient(app).get("/r/AAAA-BBBB-CCCC");
	assert.equal(unknown.statusCode, 404);
	assert.match(unknown.body, /Adressen leder inte till någon omröstning som pågår/);
});

test("trying short addresses is rate-limited like typing codes, and the log never holds the code", async () => {
	const client = new TestClient(app);
	const statuses: number[] = [];
	let refused: Awaited<ReturnType<TestClient["get"]>> | undefined;
	for (let i = 0; i < 22; i++) {
		const res = await client.get(`/r/GUESS${String(i).padStart(7, "X")}`);
		statuses.push(res.statusCode);
		refused ??= res.statusCode === 429 ? res : undefined;
	}
	assert.ok(refused, `limited: ${statuses.join(",")}`);
	assertSaysTryAgainFrom(refused, "sv", new Date(), new Date(Date.now() + 600_000));
	assert.match(refused.body, /<h1>För många försök<\/h1>\s*<p>Många koder har provats från din uppkoppling på kort tid\. Du kan försöka igen från /);
	const { req } = loggerOptions("info").serializers;
	assert.deepEqual(req({ method: "GET", url: "/r/ABCD-EFGH-JKMN?x=1", id: "1" }), { method: "GET", path: "/r/…", id: "1" });
});
