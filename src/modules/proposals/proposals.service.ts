import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { amendmentsBehind, decisionsConcerning } from "../decisions/index.js";
import { actorOf, getProgramme } from "../programmes/index.js";
import { ballotProposalIds, latestVote, voteBehindProposal } from "../votes/index.js";
import { proposalInput } from "./proposals.input.js";
import { authorize } from "./proposals.policy.js";
import * as repo from "./proposals.repo.js";

/** A saved form, or the form to show again with its errors. */
export type SaveResult = { ok: true; id: string } | { ok: false; state: FormState };

/**
 * What /vision shows: the vision in force with each amendment since the vote, the vote it came out of (or the latest vote
 * before a vision is adopted) with the proposals on its ballot, and a newer vote when one is open.
 */
export async function visionPage(db: Db) {
	return cachedRead(db, "proposals.visionPage", async () => {
		const programme = await getProgramme(db);
		const [texts, allProposals, latest] = await Promise.all([repo.listVisionTexts(db, programme.id), repo.listProposals(db, programme.id), latestVote(db, programme.id)]);
		const vision = texts.at(-1) ?? null;
		const vote = (vision?.proposalId ? await voteBehindProposal(db, programme.id, vision.proposalId) : null) ?? latest;
		const onBallot = vote ? new Set(await ballotProposalIds(db, vote.id)) : new Set<string>();
		const proposals = onBallot.size ? allProposals.filter((p) => onBallot.has(p.id)) : allProposals;
		const records = [...proposals.map((p) => ({ recordType: "proposal", recordId: p.id })), ...(vote ? [{ recordType: "vote", recordId: vote.id }] : [])];
		const [amendments, decisions] = await Promise.all([vision ? amendmentsSinceVote(db, texts, allProposals) : [], decisionsConcerning(db, records)]);
		const newerVote = latest && latest.id !== vote?.id && latest.opened && latest.closesAt > new Date() ? latest : null;
		return { programme, vision, proposals, vote, newerVote, amendments, decisions };
	});
}

/** Each adopted amendment of the text in force since its proposal went to the vote: who moved it, where, and the text before and after. */
async function amendmentsSinceVote(db: Db, texts: repo.VisionText[], proposals: repo.Proposal[]) {
	const proposalId = texts.at(-1)?.proposalId;
	const proposal = proposals.find((p) => p.id === proposalId);
	if (!proposal) return [];
	const versions = texts.filter((t) => t.proposalId === proposalId);
	const behind = await amendmentsBehind(db, versions.map((t) => t.id));
	return versions.flatMap((text, i) => {
		const amendment = behind.get(text.id);
		const before = versions[i - 1]?.subtext ?? proposal.subtext;
		return amendment ? [{ ...amendment, before, after: text.subtext, changesVotedText: before === proposal.subtext }] : [];
	});
}

/** The public list of proposals, each marked with whether the vision in force came from it. */
export async function publicProposals(db: Db) {
	const { vision, programme } = await visionPage(db);
	return (await repo.listProposals(db, programme.id)).map((p) => ({ ...p, adopted: vision?.proposalId === p.id }));
}

/** One public proposal, or a 404. */
export async function publicProposal(db: Db, id: string) {
	const found = (await publicProposals(db)).find((p) => p.id === id);
	if (!found) throw notFound();
	return found;
}

/** The proposals for the coordinator's list. */
export async function proposalsForAdmin(db: Db, viewer: Viewer | null): Promise<repo.Proposal[]> {
	authorize(await actorOf(db, viewer), "see");
	return repo.listProposals(db, (await getProgramme(db)).id);
}

/** One proposal for the coordinator's edit form, or a 404. */
export async function proposalForAdmin(db: Db, viewer: Viewer | null, id: string): Promise<repo.Proposal> {
	authorize(await actorOf(db, viewer), "see");
	return proposalOr404(db, id);
}

/** One proposal of the programme, or a 404. */
async function proposalOr404(db: Db, id: string): Promise<repo.Proposal> {
	const programme = await getProgramme(db);
	const proposal = isUuid(id) ? await repo.findProposal(db, programme.id, id) : undefined;
	if (!proposal) throw notFound();
	return proposal;
}

/** Throws unless the person may write proposals (before the empty form is shown). */
export async function authorizeWrite(db: Db, viewer: Viewer | null): Promise<void> {
	authorize(await actorOf(db, viewer), "write");
}

/** Adds a proposal from the submitted form; its number must be free within the programme. */
export async function createProposal(db: Db, viewer: Viewer | null, body: unknown): Promise<SaveResult> {
	await authorizeWrite(db, viewer);
	const programme = await getProgramme(db);
	return save(body, async (values) => (await repo.insertProposal(db, programme.id, values)).id);
}

/** Changes a proposal from the submitted form; its number must stay free within the programme. */
export async function updateProposal(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState; proposal: repo.Proposal }> {
	await authorizeWrite(db, viewer);
	const proposal = await proposalOr404(db, id);
	const result = await save(body, async (values) => {
		await repo.updateProposal(db, proposal.id, values);
		return proposal.id;
	});
	return result.ok ? result : { ...result, proposal };
}

async function save(body: unknown, store: (values: repo.ProposalValues) => Promise<string>): Promise<SaveResult> {
	const parsed = parseForm(proposalInput, body);
	if (!parsed.ok) return parsed;
	try {
		return { ok: true, id: await store(parsed.data) };
	} catch (err) {
		if (isUniqueViolation(err)) return { ok: false, state: withError(formState(body as Record<string, unknown>), "number", "error.numberTaken") };
		throw err;
	}
}

/** One proposal of the programme, or undefined when it does not (or no longer) exist. */
export async function findProposal(db: Db, programmeId: string, id: string): Promise<repo.Proposal | undefined> {
	return isUuid(id) ? repo.findProposal(db, programmeId, id) : undefined;
}

/** Records a new adopted version of the vision text, e.g. after an amendment got bifall; returns its id. */
export async function recordAdoptedText(db: Db, values: { programmeId: string; proposalId: string; title: string; subtext: string; adoptedOn: string }): Promise<string> {
	return (await repo.insertVisionText(db, values)).id;
}
