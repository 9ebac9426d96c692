import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../db/schema.js";
import { followupRounds } from "../modules/followup/followup.schema.js";
import { seedDemo } from "./seed.js";

const { app, db } = await testApp();
await seedDemo(db);
const resident = new TestClient(app);

test("the published 2021 follow-up shows accounts from several organisations, progress from Kolada values and an override with its reason", async () => {
	const list = await resident.get("/uppfoljning");
	const id = /href="\/uppfoljning\/([0-9a-f-]{36})">Uppföljning 2021</.exec(list.body)?.[1];
	assert.ok(id, "the round is listed");
	assert.doesNotMatch(list.body, /Slutuppföljning 2019–2022/, "the open round is not public");
	const report = (await resident.get(`/uppfoljning/${id}`)).body;
	for (const owner of ["Norsjö kommun", "Norsjö Skidklubb (demo)", "Norsjö Trä AB (demo)"]) assert.match(report, new RegExp(`>${owner.replace(/[()]/g, "\\$&")}</a></h3>`));
	assert.match(report, /Säsongen 2020\/21 deltog 92 barn/);
	assert.match(report, /Aktörens bedömning: Risk för avvikelse \(beräknat: [^)]+\)\. Skäl: Två föreningar/);
	assert.match(report, /Beräknat från Fossilfria fordon i kommunens fordonsflotta \(demo\)/, "a goal judged from its Kolada values");
	assert.match(report, /<caption>Värden för Fossilfria fordon i kommunens fordonsflotta \(demo\)<\/caption>/, "the indicators' values as tables");
	const chart = /<svg role="img" aria-label="Värden för Fossilfria fordon i kommunens fordonsflotta \(demo\)"[\s\S]*?<\/svg>/.exec(report)?.[0];
	assert.ok(chart, "and as a chart");
	assert.doesNotMatch(chart, / style="|<style/, "with no inline style, which the content security policy refuses");
	for (const year of ["2015", "2016", "2017", "2018", "2019", "2020", "2021"]) assert.match(chart, new RegExp(`>${year}</text>`), `every year up to the round's on the axis: ${year}`);
	assert.doesNotMatch(chart, />2022<\/text>/, "no year after the round's period");
});

test("the final round is open: the school's contact reports, and the coordinator sees who is behind", async () => {
	const [round] = await db.select().from(followupRounds).where(eq(followupRounds.title, "Slutuppföljning 2019–2022"));
	const person = async (email: string) => clientAs(app, db, (await db.select().from(s.users).where(eq(s.users.email, email)))[0]!.id);
	const school = await person("skolan@norsjo.example");
	const list = (await school.get(`/uppfoljning/${round!.id}/rapportera`)).body;
	assert.match(list, /<th scope="row">Skolan öppen för föreningar på kvällar<\/th>/);
	const goalId = /href="\/uppfoljning\/[^/]+\/mal\/([0-9a-f-]{36})"/.exec(list)![1];
	const saved = await school.post(`/uppfoljning/${round!.id}/mal/${goalId}`, { status: "achieved", account: "Sju föreningar använder skolans lokaler varje vecka." });
	assert.equal(saved.statusCode, 303);
	const coordinator = await person("samordnare@norsjo.example");
	const admin = (await coordinator.get(`/admin/uppfoljning/${round!.id}`)).body;
	assert.match(admin, /<th scope="row">Norsjö skola \(demo\)<\/th><td>1 av 1<\/td>/);
	assert.match(admin, /<th scope="row">Norsjö Trä AB \(demo\)<\/th><td>0 av 2<\/td>/);
});
