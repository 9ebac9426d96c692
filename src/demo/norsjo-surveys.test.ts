import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "../lib/seeded-random.js";
import { eq } from "drizzle-orm";
import { signInAs } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
import { seedDemo } from "./seed.js";
import { surveyParticipation } from "../modules/surveys/index.js";

const { app, db } = await testApp();

test("the demo survey has 550 answers, about 30 % on paper, spread over the localities, the same on every run", async () => {
	await seedDemo(db);
	const [survey] = (await surveyParticipation(db)).filter((p) => p.title === "Vad tycker du om Norsjöbygden");
	assert.equal(survey!.answers, 550);
	assert.ok(survey!.paperAnswers > 130 && survey!.paperAnswers < 200, `paper answers ${survey!.paperAnswers}`);
	assert.equal(survey!.anonymousAnswers + survey!.paperAnswers, 550);
	assert.deepEqual(Object.keys(survey!.byLocality).sort(), ["Annan ort", "Bastuträsk", "Kusfors", "Norsjö", "Norsjövallen", "Petiknäs", "Petikträsk"]);
	const a = seededRandom(2018);
	const b = seededRandom(2018);
	assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
});

test("the demo survey's history shows the coordinator opening it in September 2018 and closing it in November", async () => {
	const [survey] = await db.select().from(s.surveys);
	const coordinator = new TestClient(app);
	const [user] = await db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	await signInAs(coordinator, db, user!.id);
	const page = (await coordinator.get(`/admin/enkater/${survey!.id}`)).body;
	assert.match(page, /3 september 2018/);
	assert.match(page, /19 november 2018/);
	assert.match(page, /Samordnare \(demo\)/);
});

test("the coordinator's list of surveys counts the demo survey's 550 answers", async () => {
	const coordinator = new TestClient(app);
	const [user] = await db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	await signInAs(coordinator, db, user!.id);
	const row = /<tr>(?:(?!<\/tr>).)*Vad tycker du om Norsjöbygden(?:(?!<\/tr>).)*<\/tr>/s.exec((await coordinator.get("/admin/enkater")).body)?.[0] ?? "";
	assert.match(row, /<td>550<\/td>/);
});
