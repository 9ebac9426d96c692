import assert from "node:assert/strict";
import { createServer } from "node:net";
import { test } from "node:test";
import { SMTPServer } from "smtp-server";
import { createOrganisation, createProgramme, createUser, lastMailTo, signInAs } from "../../../test/factories.js";
import { TestClient, testApp } from "../../../test/helpers.js";
import { sendMail } from "./index.js";

// A real SMTP server on this machine: what it receives is what a person's mailbox would.
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
	secure: false,
	authOptional: true,
	disabledCommands: ["AUTH", "STARTTLS"],
	logger: false,
	onData(stream, session, callback) {
		let raw = "";
		stream.on("data", (chunk: Buffer) => {
			raw += chunk.toString("utf8");
		});
		stream.on("end", () => {
			received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
			callback();
		});
	},
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const port = (smtp.server.address() as { port: number }).port;
const { app, db, config } = await testApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
test.after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

test("the sign-in code goes out over SMTP and its content is not kept", async () => {
	const client = new TestClient(app);
	const email = `smtp-${Date.now()}@example.se`;
	const res = await client.post("/sign-in", { email });
	assert.equal(res.statusCode, 303);

	const delivered = received.find((m) => m.to.includes(email));
	assert.ok(delivered, "the SMTP server received the mail");
	assert.match(delivered.raw, /Subject: Din inloggningskod till Medskapa/);
	const code = /^(\d{6})\r?$/m.exec(delivered.raw)?.[1];
	assert.ok(code, "the mail holds a six-digit code");

	const stored = await lastMailTo(db, email);
	assert.ok(stored!.sentAt);
	assert.equal(stored!.error, null);
	assert.ok(!stored!.body.includes(code), "the code does not linger in the outbox");
	assert.match(stored!.body, /Innehållet sparas inte/);

	const signedIn = await client.post(String(res.headers.location), { code });
	assert.equal(signedIn.statusCode, 303);
	assert.ok((await client.get("/account")).body.includes(`Inloggad som ${email}`));
});

test("a message through an actor's contact form reaches its contact person with the sender as Reply-To", async () => {
	await createProgramme(db);
	const organisation = await createOrganisation(db, { name: "Kontaktföreningen" });
	const contact = await createUser(db, { email: `kontakt-${Date.now()}@example.se`, memberOf: { organisationId: organisation.id, role: "admin" } });
	const sender = await createUser(db, { email: `avsandare-${Date.now()}@example.se` });
	const client = new TestClient(app);
	await signInAs(client, db, sender.id);
	const res = await client.post(`/aktorer/${organisation.id}/kontakt`, { subject: "Samarbete kring skidspår", message: "Hej! Vill ni prata spår?" });
	assert.equal(res.statusCode, 303);
	const delivered = received.find((m) => m.to.includes(contact.email));
	assert.ok(delivered, "the SMTP server received the mail");
	assert.match(delivered.raw, new RegExp(`^Reply-To: ${sender.email.replace(".", "\\.")}\r?$`, "m"));
});

test("a mail server that cannot be reached is recorded, not thrown", async () => {
	const closed = createServer();
	await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
	const deadPort = (closed.address() as { port: number }).port;
	await new Promise<void>((resolve) => closed.close(() => resolve()));

	const to = `down-${Date.now()}@example.se`;
	await sendMail(db, { ...config, smtpUrl: `smtp://127.0.0.1:${deadPort}` }, { to, subject: "Test", body: "Hej" });
	const stored = await lastMailTo(db, to);
	assert.equal(stored!.sentAt, null);
	assert.ok(stored!.error);
	assert.equal(stored!.body, "Hej");

	const admin = await createUser(db, { isAdministrator: true });
	const client = new TestClient(app);
	await signInAs(client, db, admin.id);
	const page = await client.get("/admin/outbox");
	assert.ok(page.body.includes(`Fel: ${stored!.error}`));
});

test("the outbox page lists mails newest first for an administrator", async () => {
	const to = `list-${Date.now()}@example.se`;
	await sendMail(db, config, { to, subject: "Första", body: "Ett" });
	await sendMail(db, config, { to, subject: "Andra", body: "Två" });
	const admin = await createUser(db, { isAdministrator: true });
	const client = new TestClient(app);
	await signInAs(client, db, admin.id);
	const res = await client.get("/admin/outbox");
	assert.equal(res.statusCode, 200);
	assert.match(res.body, /<h1>Utkorg för e-post<\/h1>/);
	assert.ok(res.body.indexOf("Andra") < res.body.indexOf("Första"), "newest first");
	assert.ok(res.body.includes(to));
	assert.match(res.body, /Skickad \d+ \p{L}+ \d{4} kl\. \d{2}:\d{2}/u);
	assert.match(res.body, /<th scope="col">Mottagare<\/th>/);
});

test("only administrators see the outbox", async () => {
	const anonymous = await new TestClient(app).get("/admin/outbox");
	assert.equal(anonymous.statusCode, 303);
	assert.equal(anonymous.headers.location, "/sign-in?next=%2Fadmin%2Foutbox");

	const resident = new TestClient(app);
	await signInAs(resident, db, (await createUser(db)).id);
	assert.equal((await resident.get("/admin/outbox")).statusCode, 403);

	const { coordinator } = await createProgramme(db);
	const coordinating = new TestClient(app);
	await signInAs(coordinating, db, (await createUser(db, { memberOf: { organisationId: coordinator.id, role: "admin" } })).id);
	assert.equal((await coordinating.get("/admin/outbox")).statusCode, 403);

	const member = new TestClient(app);
	const org = await createOrganisation(db);
	await signInAs(member, db, (await createUser(db, { memberOf: { organisationId: org.id, role: "member" } })).id);
	assert.equal((await member.get("/admin/outbox")).statusCode, 403);
});
