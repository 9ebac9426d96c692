// The results page is one step of the public path: each proposal on it leads to the proposal's own page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../../schema.js";
import { createOpenVote, createProgramme, personalNumber } from "../../../test/factories.js";
import { castBallot } from "./votes.cast.js";
import { mixAllQueued } from "./votes.mixing.js";
import { TestClient, testApp } from "../../../test/helpers.js";

const { app, db } = await testApp();
const { programme } = await createProgramme(db);

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the results page links each proposal to its public page; an option whose proposal is gone stays plain text", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { resultsBeforeClose: true });
	const visitor = new TestClient(app);
	const page = (await visitor.get(`/omrostning/${vote.id}/resultat`)).body;
	for (const o of options) {
		assert.match(page, new RegExp(`<a href="/vision/forslag/${o.proposalId}">${o.position}\\. ${literal(o.title)}</a>`));
		const proposal = await visitor.get(`/vision/forslag/${o.proposalId}`);
		assert.equal(proposal.statusCode, 200, "the link leads to a page");
		assert.match(proposal.body, new RegExp(literal(o.title)));
	}
	const json = JSON.parse((await visitor.get(`/omrostning/${vote.id}/resultat.json`)).body) as { options: { position: number; proposalId: string | null }[] };
	assert.deepEqual(
		json.options.map((o) => o.proposalId),
		options.map((o) => o.proposalId),
	);

	const gone = options[1]!;
	await db.update(s.voteOptions).set({ proposalId: null }).where(eq(s.voteOptions.id, gone.id));
	const after = (await visitor.get(`/omrostning/${vote.id}/resultat`)).body;
	assert.match(after, new RegExp(`<th scope="row">${gone.position}\\. ${literal(gone.title)}</th>`));
	assert.doesNotMatch(after, new RegExp(`<a href="/vision/forslag/[^"]*">${gone.position}\\. `));
});

test("live results count every received ballot in the turnout and say how many wait to be counted in a batch", async () => {
	const { vote, options } = await createOpenVote(db, programme.id, { resultsBeforeClose: true });
	for (const choice of [0, 1, 1]) await castBallot(db, { voteId: vote.id, channel: "eid", voter: { pin: personalNumber() }, choices: [options[choice]!.id] });
	const visitor = new TestClient(app);
	const page = (await visitor.get(`/omrostning/${vote.id}/resultat`)).body;
	assert.match(page, /3 röster har tagits emot och 0 av dem är räknade här\. Rösterna räknas i omgångar om 100/);
	assert.match(page, /3 röster av 4\s094 invånare/, "the turnout counts the three received ballots");
	const json = JSON.parse((await visitor.get(`/omrostning/${vote.id}/resultat.json`)).body) as { ballots: number; received: number; notYetCounted: number };
	assert.deepEqual([json.ballots, json.received, json.notYetCounted], [0, 3, 3]);

	await mixAllQueued(db, vote.id);
	const mixed = (await visitor.get(`/omrostning/${vote.id}/resultat`)).body;
	assert.doesNotMatch(mixed, /har tagits emot och/, "once mixed, every ballot is counted and the note is gone");
	const after = JSON.parse((await visitor.get(`/omrostning/${vote.id}/resultat.json`)).body) as { ballots: number; received: number; notYetCounted: number };
	assert.deepEqual([after.ballots, after.received, after.notYetCounted], [3, 3, 0]);
});
