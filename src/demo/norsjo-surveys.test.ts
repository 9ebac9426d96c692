import assert from "node:assert/strict";
import { test } from "node:test";
import { seededRandom } from "./norsjo-surveys.js";
import { testApp } from "../../test/helpers.js";
import { seedDemo } from "./seed.js";
import { surveyParticipation } from "../modules/surveys/index.js";

const { db } = await testApp();

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
