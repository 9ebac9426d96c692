import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { type Lang, translator } from "../../i18n/i18n.js";
import { memberOrganisationIds } from "../../lib/actor.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { type RateLimiter, tryAgainFrom } from "../../plugins/rate-limit.js";
import { sendMail } from "../mail/index.js";
import { contactRecipients, organisationChoices } from "../organisations/index.js";
import { getProgramme } from "../programmes/index.js";
import { acceptInput, declineInput, invitationInput, proposalInput } from "./collaboration.input.js";
import * as policy from "./collaboration.policy.js";
import * as repo from "./collaboration.repo.js";
import { addOwners, insertInitiative } from "../initiatives/index.js";

export type { RelatedGoal } from "./collaboration.repo.js";

type Ref = { id: string; name: string };

/** What the collaboration pages need from the application: the database, mail settings, the site's address for links, and the person's language (for when they may send again). */
export type CollaborationDeps = { db: Db; config: Config; baseUrl: string; limiter: RateLimiter; lang: Lang };

/** Proposals and invitations one person may send in a day: each one mails another organisation. */
const proposalsPerDay = 10;

/** Null when one more proposal or invitation is allowed today, else why not and from when, as the message at a field. */
async function overDailyLimit(deps: CollaborationDeps, viewer: Viewer): Promise<string | null> {
	const until = await deps.limiter.refusedUntil(`collaboration:user:${viewer.id}`, proposalsPerDay, 86_400);
	return until && tryAgainFrom("collab.error.tooMany", deps.lang, until);
}

// Mails go to people whose language we do not know: they are written in the programme's language, Swedish.
const mailT = translator("sv");

/** How many related goals a page shows. */
const relatedLimit = 10;

/** Other actors' goals related to a goal (same area, its indicator or one its area follows, similar words), best first; none for an unknown goal. */
export async function relatedGoals(db: Db, goalId: string): Promise<repo.RelatedGoal[]> {
	const goal = isUuid(goalId) ? await repo.goalForRelating(db, goalId) : undefined;
	if (!goal) return [];
	return repo.relatedGoals(db, {
		programmeId: goal.programme_id,
		sourceIds: [goal.id],
		areaIds: [goal.focus_area_id, ...goal.further_areas],
		indicatorIds: goal.target_indicator_id ? [goal.target_indicator_id] : [],
		areaIndicatorIds: goal.area_indicators,
		excludeOrganisationIds: goal.organisation_id ? [goal.organisation_id] : [],
		excludeInitiativeIds: goal.initiative_id ? [goal.initiative_id] : [],
		limit: relatedLimit,
	});
}

/** For a member of actors: other actors' goals in a focus area (or on its indicators), ranked by likeness to their own goals there. */
export async function relatedGoalsInFocusArea(db: Db, focusAreaId: string, viewer: Viewer | null): Promise<repo.RelatedGoal[]> {
	const mine = memberOrganisationIds(viewer);
	if (mine.length === 0 || !isUuid(focusAreaId)) return [];
	const programme = await getProgramme(db);
	const source = await repo.areaForRelating(db, focusAreaId, mine);
	return repo.relatedGoals(db, {
		programmeId: programme.id,
		sourceIds: source.goal_ids,
		areaIds: [focusAreaId],
		indicatorIds: source.target_indicator_ids,
		areaIndicatorIds: source.indicator_ids,
		excludeOrganisationIds: mine,
		excludeInitiativeIds: [],
		limit: relatedLimit,
	});
}

/** The organisation, for one of its members (see the policy); 404 for an unknown one. */
function memberOrganisation(db: Db, viewer: Viewer | null, organisationId: string): Promise<{ viewer: Viewer; organisation: Ref }> {
	return policy.requireMember(viewer, async () => {
		const organisation = isUuid(organisationId) ? await repo.findActiveOrganisation(db, organisationId) : undefined;
		if (!organisation) throw notFound();
		return organisation;
	});
}

async function mailOrganisation(deps: CollaborationDeps, organisationId: string, subject: string, body: string): Promise<void> {
	for (const to of await contactRecipients(deps.db, organisationId)) await sendMail(deps.db, deps.config, { to, subject, body });
}

/** Mails the person who proposed; if their account is gone, the proposing organisation's contact. */
async function mailProposer(deps: CollaborationDeps, request: repo.CollaborationRequest, subject: string, body: string): Promise<void> {
	const to = await repo.emailOf(deps.db, request.createdBy);
	if (to) await sendMail(deps.db, deps.config, { to, subject, body });
	else await mailOrganisation(deps, request.fromOrganisationId, subject, body);
}

// ---- Proposing -----------------------------------------------------------------------------------

/** What the proposal form shows: who proposes, the values, whom and which areas to choose, and the goals it concerns. */
export type ProposalForm = {
	organisation: Ref;
	state: FormState;
	organisations: Ref[];
	focusAreas: Ref[];
	goal: { id: string; title: string } | null;
	/** The other actor's goal, with its owner so that sending can check the proposal goes to that owner. */
	theirGoal: { id: string; title: string; organisationId: string | null } | null;
};

/** A goal named in a proposal: it must exist and belong to the organisation; an id that does not is not found. */
async function proposalGoal(db: Db, programmeId: string, id: string | undefined, ownerId: string | null) {
	if (!id) return null;
	const goal = isUuid(id) ? await repo.findGoal(db, programmeId, id) : undefined;
	if (!goal || (ownerId !== null && goal.organisationId !== ownerId)) throw notFound();
	return goal;
}

/** The proposal form for a member of the proposing organisation, filled from the link it came from. */
export async function proposalForm(db: Db, viewer: Viewer | null, organisationId: string, query: { to?: string; goal?: string; theirGoal?: string; area?: string }): Promise<ProposalForm> {
	const { organisation } = await memberOrganisation(db, viewer, organisationId);
	const programme = await getProgramme(db);
	const goal = await proposalGoal(db, programme.id, query.goal, organisation.id);
	const theirGoal = await proposalGoal(db, programme.id, query.theirGoal, null);
	const to = theirGoal?.organisationId ?? query.to ?? "";
	const [organisations, focusAreas] = await Promise.all([organisationChoices(db), focusAreaChoices(db, programme.id)]);
	const state = formState({
		to,
		focusAreaId: theirGoal?.focusAreaId ?? goal?.focusAreaId ?? query.area ?? "",
		goal: goal?.id ?? "",
		theirGoal: theirGoal?.id ?? "",
	});
	return { organisation, state, organisations: organisations.filter((o) => o.id !== organisation.id), focusAreas, goal, theirGoal };
}

/** Stores a proposal and mails it to the other actor's contact person; gives the form back when something is wrong. */
export async function propose(deps: CollaborationDeps, viewer: Viewer | null, organisationId: string, body: unknown) {
	const { db } = deps;
	const raw = (body ?? {}) as Record<string, string>;
	const form = await proposalForm(db, viewer, organisationId, { goal: raw.goal || undefined, theirGoal: raw.theirGoal || undefined });
	const parsed = parseForm(proposalInput, body);
	if (!parsed.ok) return { ok: false as const, status: 422, form: { ...form, state: parsed.state } };
	const d = parsed.data;
	const fail = (field: string, key: string, status = 422) => ({ ok: false as const, status, form: { ...form, state: withError(formState(d), field, key) } });
	if (d.to === form.organisation.id) return fail("to", "collab.error.sameOrganisation");
	const to = form.organisations.find((o) => o.id === d.to);
	if (!to) return fail("to", "error.unknownOrganisation");
	const area = form.focusAreas.find((a) => a.id === d.focusAreaId);
	if (!area) return fail("focusAreaId", "error.badChoice");
	if (form.theirGoal && form.theirGoal.organisationId !== to.id) return fail("to", "collab.error.goalNotTheirs");
	const overLimit = await overDailyLimit(deps, viewer!);
	if (overLimit) return fail("message", overLimit, 429);
	const programme = await getProgramme(db);

	const request = await repo.insertRequest(db, {
		programmeId: programme.id,
		focusAreaId: area.id,
		fromOrganisationId: form.organisation.id,
		toOrganisationId: to.id,
		fromGoalId: form.goal?.id ?? null,
		toGoalId: form.theirGoal?.id ?? null,
		title: d.title,
		message: d.message,
		createdBy: viewer!.id,
	});
	const params = { from: form.organisation.name, to: to.name, area: area.name, title: d.title, message: d.message, url: `${deps.baseUrl}/aktorer/${to.id}/samarbeten/${request.id}` };
	await mailOrganisation(deps, to.id, mailT("collab.mail.request.subject", params), mailT("collab.mail.request.body", params));
	return { ok: true as const, id: request.id };
}

// ---- The inbox and answering ---------------------------------------------------------------------

/** Whether a request invites the receiver into an initiative that already existed, rather than proposing a new one. */
const isInvitation = (v: repo.RequestView) => v.request.initiativeId !== null && v.initiativeCreatedAt !== null && v.initiativeCreatedAt <= v.request.createdAt;

/** An organisation's requests, received and sent; for its members only. */
export async function inbox(db: Db, viewer: Viewer | null, organisationId: string) {
	const { organisation } = await memberOrganisation(db, viewer, organisationId);
	const all = await repo.listRequestsOf(db, organisation.id);
	return { organisation, incoming: all.filter((v) => v.request.toOrganisationId === organisation.id), outgoing: all.filter((v) => v.request.fromOrganisationId === organisation.id) };
}

/** The forms a request's page holds; each comes back on its own with its errors. */
export type RequestForms = Partial<Record<"accept" | "decline", FormState>>;

/** A request as one of the two organisations' members sees it, and what they may do with it. */
export async function requestPage(db: Db, viewer: Viewer | null, organisationId: string, id: string) {
	const { organisation } = await memberOrganisation(db, viewer, organisationId);
	const view = isUuid(id) ? await repo.findRequest(db, id) : undefined;
	if (!view || (view.request.toOrganisationId !== organisation.id && view.request.fromOrganisationId !== organisation.id)) throw notFound();
	const side = view.request.toOrganisationId === organisation.id ? ("incoming" as const) : ("outgoing" as const);
	const pending = view.request.status === "pending";
	return { organisation, view, side, invitation: isInvitation(view), canAnswer: pending && side === "incoming", canWithdraw: pending && side === "outgoing" };
}

type RequestPage = Awaited<ReturnType<typeof requestPage>>;
type AnswerResult = { ok: true; initiativeId: string | null; invitation: boolean } | { ok: false; status: 409 | 422; page: RequestPage; forms: RequestForms; error?: string };

/** The request's page for a member of the side that may give this answer (the receiver accepts or declines, the proposer withdraws). */
async function pageFor(db: Db, viewer: Viewer | null, organisationId: string, id: string, side: policy.Side): Promise<RequestPage> {
	const page = await requestPage(db, viewer, organisationId, id);
	policy.requireSide(viewer, page.side, side);
	return page;
}

/** A request no longer pending, refused as such before its form is read: the answer forms are gone from its page. */
function answeredAlready(page: RequestPage): AnswerResult | null {
	return page.view.request.status === "pending" ? null : { ok: false, status: 409, page, forms: {}, error: "collab.error.alreadyAnswered" };
}

/** Answers the request if it is still pending; a second answer (a double click, another member at once) changes nothing and says so. */
async function answer(
	deps: CollaborationDeps,
	viewer: Viewer | null,
	page: RequestPage,
	write: (tx: Db) => Promise<repo.CollaborationRequest | undefined>,
): Promise<{ ok: true; answered: repo.CollaborationRequest } | { ok: false; status: 409; page: RequestPage; forms: RequestForms; error: string }> {
	const answered = page.view.request.status === "pending" ? await deps.db.transaction(write) : undefined;
	if (answered) return { ok: true, answered };
	const now = await requestPage(deps.db, viewer, page.organisation.id, page.view.request.id);
	return { ok: false, status: 409, page: now, forms: {}, error: "collab.error.alreadyAnswered" };
}

/**
 * Accepts a request received: a proposal creates a joint initiative owned by both organisations in its focus area;
 * an invitation makes the receiver a co-owner of its initiative. The proposer gets a mail either way.
 */
export async function accept(deps: CollaborationDeps, viewer: Viewer | null, organisationId: string, id: string, body: unknown): Promise<AnswerResult> {
	const page = await pageFor(deps.db, viewer, organisationId, id, "incoming");
	const late = answeredAlready(page);
	if (late) return late;
	const parsed = parseForm(acceptInput, body);
	if (!parsed.ok) return { ok: false, status: 422, page, forms: { accept: parsed.state } };
	const result = await answer(deps, viewer, page, async (tx) => {
		const answered = await repo.answerPending(tx, page.view.request.id, { status: "accepted", response: parsed.data.response, respondedBy: viewer!.id });
		if (!answered) return undefined;
		if (answered.initiativeId) {
			await addOwners(tx, answered.initiativeId, [answered.toOrganisationId]);
			return answered;
		}
		const initiative = await insertInitiative(
			tx,
			{ programmeId: answered.programmeId, focusAreaId: answered.focusAreaId, title: answered.title, description: answered.message },
			[answered.fromOrganisationId, answered.toOrganisationId],
		);
		await repo.linkInitiative(tx, answered.id, initiative.id);
		return { ...answered, initiativeId: initiative.id };
	});
	if (!result.ok) return result;
	const { answered } = result;
	const params = { to: page.view.toName, title: answered.title, response: answered.response, url: `${deps.baseUrl}/initiativ/${answered.initiativeId}` };
	await mailProposer(deps, answered, mailT("collab.mail.accepted.subject", params), mailT("collab.mail.accepted.body", params));
	return { ok: true, initiativeId: answered.initiativeId, invitation: page.invitation };
}

/** Declines a request received, with the reason the proposer is mailed. */
export async function decline(deps: CollaborationDeps, viewer: Viewer | null, organisationId: string, id: string, body: unknown): Promise<AnswerResult> {
	const page = await pageFor(deps.db, viewer, organisationId, id, "incoming");
	const late = answeredAlready(page);
	if (late) return late;
	const parsed = parseForm(declineInput, body);
	if (!parsed.ok) return { ok: false, status: 422, page, forms: { decline: parsed.state } };
	const result = await answer(deps, viewer, page, (tx) =>
		repo.answerPending(tx, page.view.request.id, { status: "declined", response: parsed.data.reason, respondedBy: viewer!.id }),
	);
	if (!result.ok) return result;
	const { answered } = result;
	const params = { to: page.view.toName, title: answered.title, response: answered.response, url: `${deps.baseUrl}/aktorer/${answered.fromOrganisationId}/samarbeten/${answered.id}` };
	await mailProposer(deps, answered, mailT("collab.mail.declined.subject", params), mailT("collab.mail.declined.body", params));
	return { ok: true, initiativeId: null, invitation: page.invitation };
}

/** Withdraws a request the organisation sent, while it is unanswered. */
export async function withdraw(deps: CollaborationDeps, viewer: Viewer | null, organisationId: string, id: string): Promise<AnswerResult> {
	const page = await pageFor(deps.db, viewer, organisationId, id, "outgoing");
	const result = await answer(deps, viewer, page, (tx) => repo.answerPending(tx, page.view.request.id, { status: "withdrawn", response: "", respondedBy: viewer!.id }));
	return result.ok ? { ok: true, initiativeId: null, invitation: page.invitation } : result;
}

// ---- Inviting a further owner into an initiative -------------------------------------------------------

/** Organisations that may still be invited to co-own an initiative: active, not owners, without an unanswered invitation. */
export async function inviteeChoices(db: Db, initiativeId: string, ownerIds: string[]): Promise<Ref[]> {
	const [all, invited] = await Promise.all([organisationChoices(db), repo.pendingInvitees(db, initiativeId)]);
	return all.filter((o) => !ownerIds.includes(o.id) && !invited.includes(o.id));
}

/** The unanswered invitations to co-own some initiatives. */
export async function pendingInvitations(db: Db, initiativeIds: string[]) {
	return repo.pendingInvitationsTo(db, initiativeIds);
}

/**
 * Invites an organisation to co-own an initiative, through the same request the inbox answers; the invited
 * organisation's contact is mailed. `from` is the owner organisation the inviting member acts for.
 */
export async function inviteCoOwner(
	deps: CollaborationDeps,
	viewer: Viewer,
	initiative: { id: string; title: string; programmeId: string; focusAreaId: string; focusAreaName: string },
	from: Ref,
	ownerIds: string[],
	body: unknown,
): Promise<{ ok: true } | { ok: false; status: 422 | 429; state: FormState }> {
	const parsed = parseForm(invitationInput, body);
	if (!parsed.ok) return { ok: false, status: 422, state: parsed.state };
	const { to: toId, message } = parsed.data;
	const fail = (key: string, status: 422 | 429 = 422) => ({ ok: false as const, status, state: withError(formState(parsed.data), "to", key) });
	if (ownerIds.includes(toId)) return fail("collab.error.alreadyOwner");
	const to = isUuid(toId) ? await repo.findActiveOrganisation(deps.db, toId) : undefined;
	if (!to) return fail("error.unknownOrganisation");
	if ((await repo.pendingInvitees(deps.db, initiative.id)).includes(to.id)) return fail("collab.error.alreadyInvited");
	const overLimit = await overDailyLimit(deps, viewer);
	if (overLimit) return fail(overLimit, 429);
	const request = await repo.insertRequest(deps.db, {
		programmeId: initiative.programmeId,
		focusAreaId: initiative.focusAreaId,
		fromOrganisationId: from.id,
		toOrganisationId: to.id,
		title: initiative.title,
		message,
		createdBy: viewer.id,
		initiativeId: initiative.id,
	});
	const params = { from: from.name, to: to.name, initiative: initiative.title, title: initiative.title, message, url: `${deps.baseUrl}/aktorer/${to.id}/samarbeten/${request.id}` };
	await mailOrganisation(deps, to.id, mailT("collab.mail.invite.subject", params), mailT("collab.mail.invite.body", params));
	return { ok: true };
}
