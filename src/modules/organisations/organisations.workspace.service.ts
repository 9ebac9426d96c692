// The organisation's own workspace: its profile, members and roles, invitations, focus areas and contact person.
// Members may look; only the organisation's admins may change anything.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { focusAreaChoices, focusAreasOf, setFocusAreasOf } from "../focus-areas/index.js";
import { sendMail } from "../mail/index.js";
import { areasField, contactPersonInput, invitationInput, profileInput, roleInput } from "./organisations.input.js";
import * as policy from "./organisations.policy.js";
import * as repo from "./organisations.repo.js";
import { findOrganisation, type MailDeps, type MailRequest } from "./organisations.service.js";
import { tryAgainFrom } from "../../plugins/rate-limit.js";

/** How long an invitation can be accepted. */
export const invitationDays = 14;
// Enough to invite a whole board or staff in one go, too few to use the platform for mailing strangers.
const invitationsPerHour = 30;

/** The forms of the workspace, each given back on its own with its errors. */
export type WorkspaceForms = Partial<Record<"invite" | "areas" | "contact" | "members", FormState>>;

/** Everything the workspace page shows. */
export type Workspace = Awaited<ReturnType<typeof workspacePage>>;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** The organisation and what the person may do in its workspace, by its policy. */
function asMember(db: Db, viewer: Viewer | null, id: string) {
	return policy.requireMember(viewer, () => findOrganisation(db, id));
}

function asAdmin(db: Db, viewer: Viewer | null, id: string) {
	return policy.requireAdmin(viewer, () => findOrganisation(db, id));
}

/** The workspace: the organisation, its members, open invitations (admins only) and focus areas. */
export async function workspacePage(db: Db, viewer: Viewer | null, id: string) {
	const { me, organisation, isAdmin } = await asMember(db, viewer, id);
	const [members, invitations, areas, chosen] = await Promise.all([
		repo.listMembers(db, organisation.id),
		isAdmin ? repo.listOpenInvitations(db, organisation.id) : [],
		focusAreaChoices(db),
		focusAreasOf(db, organisation.id),
	]);
	return { organisation, me, isAdmin, members, invitations, areas, chosen: chosen.map((a) => a.id) };
}

/** A failed change: the workspace again, with the form that failed. */
export type Failed = { ok: false; status: 409 | 422 | 429; page: Workspace; forms: WorkspaceForms };
/** The outcome of a change in the workspace. */
export type Changed = { ok: true; organisationId: string } | Failed;

async function failed(db: Db, viewer: Viewer | null, id: string, status: Failed["status"], forms: WorkspaceForms): Promise<Failed> {
	return { ok: false, status, page: await workspacePage(db, viewer, id), forms };
}

/** Invites a person by e-mail to become a member or admin; the mail holds a link with a random token. */
export async function invite(
	deps: MailDeps,
	viewer: Viewer | null,
	id: string,
	body: unknown,
	req: MailRequest,
): Promise<Changed> {
	const { me, organisation } = await asAdmin(deps.db, viewer, id);
	const parsed = parseForm(invitationInput, body);
	if (!parsed.ok) return failed(deps.db, viewer, id, 422, { invite: parsed.state });
	const { email, role } = parsed.data;
	const members = await repo.listMembers(deps.db, organisation.id);
	if (members.some((m) => m.email.toLowerCase() === email)) {
		return failed(deps.db, viewer, id, 422, { invite: withError(parsed.data, "email", "organisation.invite.alreadyMember") });
	}
	const until = await deps.limiter.refusedUntil(`invite:organisation:${organisation.id}`, invitationsPerHour, 3600);
	if (until) return failed(deps.db, viewer, id, 429, { invite: withError(parsed.data, "email", tryAgainFrom("organisation.invite.tooMany", req.lang, until)) });
	const token = randomBytes(32).toString("base64url");
	const expiresAt = new Date(Date.now() + invitationDays * 24 * 3600 * 1000);
	await deps.db.transaction(async (tx) => {
		await repo.deleteOpenInvitations(tx, organisation.id, email);
		await repo.insertInvitation(tx, { organisationId: organisation.id, email, role, tokenHash: hashToken(token), invitedBy: me.id, expiresAt });
	});
	const { t } = req;
	await sendMail(deps.db, deps.config, {
		to: email,
		subject: t("organisation.invite.mail.subject", { name: organisation.name }),
		body: t("organisation.invite.mail.body", {
			name: organisation.name,
			role: t(`organisation.role.${role}`).toLowerCase(),
			inviter: me.name || me.email,
			link: `${req.base}/inbjudan/${token}`,
			days: invitationDays,
		}),
		bodyKept: t("organisation.invite.mail.bodyNotKept", { name: organisation.name }),
	});
	return { ok: true, organisationId: organisation.id };
}

/** Revokes an invitation not yet accepted. */
export async function revokeInvitation(db: Db, viewer: Viewer | null, id: string, invitationId: string): Promise<string> {
	const { organisation } = await asAdmin(db, viewer, id);
	if (!isUuid(invitationId) || !(await repo.deleteInvitation(db, organisation.id, invitationId))) throw notFound();
	return organisation.id;
}

/** Changes a member's role; the last admin cannot be made a plain member. */
export async function changeRole(db: Db, viewer: Viewer | null, id: string, userId: string, body: unknown): Promise<Changed> {
	const { organisation } = await asAdmin(db, viewer, id);
	if (!isUuid(userId)) throw notFound();
	const parsed = parseForm(roleInput, body);
	if (!parsed.ok) return failed(db, viewer, id, 422, { members: withError(formState(), "members", "error.badChoice") });
	const { role } = parsed.data;
	const outcome = await db.transaction(async (tx) => {
		// The admins are locked first, so two admins demoting each other at once cannot leave none.
		const admins = await repo.lockAdmins(tx, organisation.id);
		if (role === "member" && admins.length === 1 && admins[0] === userId) return "lastAdmin";
		return (await repo.updateMemberRole(tx, organisation.id, userId, role)) ? "ok" : "notMember";
	});
	if (outcome === "notMember") throw notFound();
	if (outcome === "lastAdmin") return failed(db, viewer, id, 409, { members: withError(formState(), "members", "organisation.members.lastAdmin") });
	return { ok: true, organisationId: organisation.id };
}

/** Takes a person out of the organisation; the last admin cannot be removed. Says whether the viewer removed themselves. */
export async function removeMember(
	db: Db,
	viewer: Viewer | null,
	id: string,
	userId: string,
): Promise<{ ok: true; organisationId: string; self: boolean } | Failed> {
	const { me, organisation } = await asAdmin(db, viewer, id);
	if (!isUuid(userId)) throw notFound();
	const outcome = await db.transaction(async (tx) => {
		const admins = await repo.lockAdmins(tx, organisation.id);
		if (admins.length === 1 && admins[0] === userId) return "lastAdmin";
		return (await repo.deleteMember(tx, organisation.id, userId)) ? "ok" : "notMember";
	});
	if (outcome === "notMember") throw notFound();
	if (outcome === "lastAdmin") return failed(db, viewer, id, 409, { members: withError(formState(), "members", "organisation.members.lastAdmin") });
	return { ok: true, organisationId: organisation.id, self: userId === me.id };
}

/** Makes one member the contact person that the public contact form reaches. */
export async function setContactPerson(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<Changed> {
	const { organisation } = await asAdmin(db, viewer, id);
	const parsed = parseForm(contactPersonInput, body);
	const isMember = parsed.ok && (await repo.listMembers(db, organisation.id)).some((m) => m.userId === parsed.data.userId);
	if (!parsed.ok || !isMember) {
		return failed(db, viewer, id, 422, { contact: withError(formState(body as Record<string, unknown>), "userId", "organisation.contactPerson.notMember") });
	}
	await repo.setContact(db, organisation.id, parsed.data.userId);
	return { ok: true, organisationId: organisation.id };
}

/** Chooses the focus areas the organisation works in. */
export async function chooseFocusAreas(db: Db, viewer: Viewer | null, id: string, chosen: string[]): Promise<Changed> {
	const { organisation } = await asAdmin(db, viewer, id);
	if (!(await setFocusAreasOf(db, organisation.id, chosen))) {
		return failed(db, viewer, id, 422, { areas: withError(formState(), areasField, "organisation.areas.unknown") });
	}
	return { ok: true, organisationId: organisation.id };
}

/** What the profile form shows: the stored organisation (its name heads the page) and the values. */
export type ProfileForm = { organisation: repo.Organisation; state: FormState };

/** The form where the organisation's admins change its name, description and website. */
export async function profileForm(db: Db, viewer: Viewer | null, id: string): Promise<ProfileForm> {
	const { organisation } = await asAdmin(db, viewer, id);
	return { organisation, state: formState(organisation) };
}

/** Saves the organisation's name, description and website; its type and number stay as the coordinator set them. */
export async function updateProfile(
	db: Db,
	viewer: Viewer | null,
	id: string,
	body: unknown,
): Promise<{ ok: true; organisationId: string } | { ok: false; form: ProfileForm }> {
	const { organisation } = await asAdmin(db, viewer, id);
	const parsed = parseForm(profileInput, body);
	if (!parsed.ok) return { ok: false, form: { organisation, state: parsed.state } };
	await repo.updateOrganisation(db, organisation.id, parsed.data);
	return { ok: true, organisationId: organisation.id };
}

/** Why an invitation link no longer works. */
export type InvitationGone = "unknown" | "used" | "expired";

/** What the invitation page shows: why the link is gone, or the open invitation and whether the viewer can accept it. */
export type InvitationView =
	| { kind: "gone"; reason: InvitationGone }
	| { kind: "open"; organisationId: string; organisationName: string; role: repo.MemberRole; expiresAt: Date; signedIn: boolean; wrongAddress: boolean };

// The invitation behind a token and how it looks to the viewer; the row is kept for accepting it.
async function findInvitation(db: Db, viewer: Viewer | null, token: string) {
	const invitation = /^[\w-]{20,100}$/.test(token) ? await repo.findInvitationByHash(db, hashToken(token)) : undefined;
	const gone = (reason: InvitationGone) => ({ invitation: undefined, view: { kind: "gone", reason } as InvitationView });
	if (!invitation) return gone("unknown");
	if (invitation.acceptedAt) return gone("used");
	if (invitation.expiresAt.getTime() <= Date.now()) return gone("expired");
	const view: InvitationView = {
		kind: "open",
		organisationId: invitation.organisationId,
		organisationName: invitation.organisationName,
		role: invitation.role,
		expiresAt: invitation.expiresAt,
		signedIn: Boolean(viewer),
		wrongAddress: Boolean(viewer && viewer.email.toLowerCase() !== invitation.email.toLowerCase()),
	};
	return { invitation, view };
}

/** The invitation behind a link, as the page shows it. */
export async function invitationPage(db: Db, viewer: Viewer | null, token: string): Promise<InvitationView> {
	return (await findInvitation(db, viewer, token)).view;
}

/** Accepts an invitation: the signed-in person, with the invited address, becomes a member. */
export async function acceptInvitation(db: Db, viewer: Viewer | null, token: string): Promise<{ ok: true; organisationId: string } | { ok: false; view: InvitationView }> {
	const me = policy.requirePerson(viewer);
	const { invitation, view } = await findInvitation(db, me, token);
	if (!invitation || (view.kind === "open" && view.wrongAddress)) return { ok: false, view };
	const accepted = await db.transaction(async (tx) => {
		if (!(await repo.markInvitationAccepted(tx, invitation.id, me.id))) return false;
		await repo.addMember(tx, { userId: me.id, organisationId: invitation.organisationId, role: invitation.role });
		return true;
	});
	if (!accepted) return { ok: false, view: { kind: "gone", reason: "used" } };
	return { ok: true, organisationId: invitation.organisationId };
}
