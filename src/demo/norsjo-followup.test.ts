import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { clientAs } from "../../test/factories.js";
import { TestClient, testApp } from "../../test/helpers.js";
import * as s from "../schema.js";
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
	const file = /<a href="([^"]+)" download="Deltagare skidskolan 2020-21.csv">Deltagare skidskolan 2020-21.csv \(1 kB\)<\/a>/.exec(report)?.[1];
	assert.ok(file, "the ski club's file of participants is shown as evidence");
	const download = await resident.get(file);
	assert.match(download.headers["content-disposition"] as string, /^attachment/);
	assert.match(download.body, /Summa;92;30/);
	assert.match(report, /Aktörens bedömning: Risk för avvikelse \(beräknat: [^)]+\)\. Skäl: Två föreningar/);
	assert.match(report, /Beräknat från Fossilfria fordon i kommunens fordonsflotta \(demo\)/, "a goal judged from its Kolada values");
	// The goal's own page judges it the same way, with the rule beside the judgement.
	const goalHref = /<h4><a href="(\/mal\/[0-9a-f-]{36})">[^<]+<\/a><\/h4>(?:(?!<h4>)[\s\S])*?Beräknat från Fossilfria fordon/.exec(report)?.[1];
	assert.ok(goalHref, "the goal measured by the fossil-free vehicles");
	const goalPage = (await resident.get(goalHref)).body;
	assert.match(goalPage, /class="goal-status goal-status-(on_track|at_risk|off_track)"><span aria-hidden="true">.<\/span> (Enligt plan|Risk för avvikelse|Avviker)<\/span> <span class="meta">Beräknat från Fossilfria fordon i kommunens fordonsflotta \(demo\): utgångsvärde/);
	assert.match(report, /<caption>Värden för Fossilfria fordon i kommunens fordonsflotta \(demo\)<\/caption>/, "the indicators' values as tables");
	// The chart is an image of its own, drawn in the reader's language, narrow for phones and wide for larger screens.
	const image = /<img src="([^"]+size=narrow[^"]*)" alt="Värden för Fossilfria fordon i kommunens fordonsflotta \(demo\)"/.exec(report)?.[1]?.replaceAll("&amp;", "&");
	assert.ok(image, "and as a chart");
	const drawn = await resident.get(image);
	assert.equal(drawn.headers["content-type"], "image/svg+xml");
	assert.match(drawn.headers["cache-control"] as string, /^public/, "a published report's chart may be cached");
	const chart = drawn.body;
	assert.match(chart, /^<svg role="img" aria-label="Värden för Fossilfria fordon i kommunens fordonsflotta \(demo\)"/);
	assert.notEqual((await resident.get(image.replace("size=narrow", "size=wide"))).body, chart, "a wide drawing besides");
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
