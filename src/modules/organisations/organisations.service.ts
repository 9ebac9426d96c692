import type { Config } from "../../config.js";
import { type Db, isForeignKeyViolation, isUniqueViolation } from "../../db/client.js";
import type { Lang, T } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { HttpError, notFound } from "../../plugins/http-errors.js";
import { type RateLimiter, tryAgainFrom } from "../../plugins/rate-limit.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, type parseForm, withError } from "../../ui/forms.js";
import { loadPageSections } from "../../ui/sections.js";
import { focusAreasByOrganisation, focusAreasOf } from "../focus-areas/index.js";
import { requireSignedIn } from "../accounts/index.js";
import { sendMail } from "../mail/index.js";
import { coordinatorId, getProgramme, requireCoordinator } from "../programmes/index.js";
import type { declineInput, joinInput, organisationInput } from "./organisations.input.js";
import { maySee, mayUseWorkspace } from "./organisations.policy.js";
import * as repo from "./organisations.repo.js";

/** An organisation as the public sees it, with the focus areas it works in. */
export type PublicOrganisation = Pick<repo.Organisation, "id" | "name" | "type" | "orgNumber" | "description" | "website"> & {
	focusAreas: { id: string; name: string }[];
};

/** What the organisation form shows: the stored organisation (null when new) and the values. */
export type OrganisationForm = { organisation: repo.Organisation | null; state: FormState };

/** What services that mail or rate-limit need from the application. */
export type MailDeps = { db: Db; config: Config; limiter: RateLimiter };
/** What a mailing service needs from the request: its language and the site's address for links. */
export type MailRequest = { t: T; lang: Lang; base: string };

// A person registers an organisation or two, not dozens: the limit stops floods of fake organisations.
const joinsPerDay = 5;

function toPublic(o: repo.Organisation, focusAreas: PublicOrganisation["focusAreas"]): PublicOrganisation {
	return { id: o.id, name: o.name, type: o.type, orgNumber: o.orgNumber, description: o.description, website: o.website, focusAreas };
}

/** An organisation by id; 404 for an unknown or malformed id. */
export async function findOrganisation(db: Db, id: string): Promise<repo.Organisation> {
	const organisation = isUuid(id) ? await repo.findOrganisation(db, id) : undefined;
	if (!organisation) throw notFound();
	return organisation;
}

/** Whether an organisation exists, approved or not (false for a malformed id). */
export async function organisationExists(db: Db, id: string): Promise<boolean> {
	return isUuid(id) && Boolean(await repo.findOrganisation(db, id));
}

/** An organisation the viewer may see: active ones for everyone, pending ones for their own members only. */
export async function visibleOrganisation(db: Db, viewer: Viewer | null, id: string): Promise<repo.Organisation> {
	const organisation = await findOrganisation(db, id);
	if (!maySee(viewer, organisation)) throw notFound();
	return organisation;
}

/** Every approved organisation taking part, with the focus areas each has chosen. */
export async function publicOrganisations(db: Db): Promise<PublicOrganisation[]> {
	const programme = await getProgramme(db);
	const [organisations, areas] = await Promise.all([repo.listOrganisations(db), focusAreasByOrganisation(db, programme.id)]);
	return organisations.map((o) => toPublic(o, areas.get(o.id) ?? []));
}

async function profileOf(db: Db, organisation: repo.Organisation): Promise<PublicOrganisation> {
	return toPublic(organisation, await focusAreasOf(db, organisation.id));
}

/** An organisation's public profile; 404 for an unknown or malformed id, or a pending one the viewer is not a member of. */
export async function organisationProfile(db: Db, viewer: Viewer | null, id: string): Promise<PublicOrganisation> {
	return profileOf(db, await visibleOrganisation(db, viewer, id));
}

/**
 * The profile page: the profile, whether it awaits approval, whether the viewer is a member, whether anyone can be
 * contacted, and what later modules add (its goals, joint initiatives and adoption of the vision).
 */
export async function profilePage(db: Db, viewer: Viewer | null, id: string) {
	const organisation = await visibleOrganisation(db, viewer, id);
	const [profile, recipients, sections] = await Promise.all([
		profileOf(db, organisation),
		contactRecipients(db, organisation.id),
		loadPageSections("organisation", db, organisation.id),
	]);
	return { profile, sections, pending: organisation.status === "pending", isMember: mayUseWorkspace(viewer, organisation.id), contactable: recipients.length > 0 };
}

/** Who receives the contact form's messages: the contact person, or the admins when there is none. */
export async function contactRecipients(db: Db, organisationId: string): Promise<string[]> {
	const members = await repo.listMembers(db, organisationId);
	const contacts = members.filter((m) => m.isContact);
	return (contacts.length ? contacts : members.filter((m) => m.role === "admin")).map((m) => m.email);
}

/** Every organisation for the coordinator's list, those awaiting approval first. */
export async function adminOrganisations(db: Db, viewer: Viewer | null): Promise<repo.Organisation[]> {
	await requireCoordinator(db, viewer);
	return repo.listOrganisations(db, "all");
}

/** The form for a new organisation (id null) or for changing one. */
export async function organisationForm(db: Db, viewer: Viewer | null, id: string | null): Promise<OrganisationForm> {
	await requireCoordinator(db, viewer);
	if (id === null) return { organisation: null, state: formState() };
	const organisation = await findOrganisation(db, id);
	return { organisation, state: formState(organisation) };
}

/** Creates (id null) or changes an organisation; returns the form again when the input is wrong or the number taken. */
export async function saveOrganisation(
	db: Db,
	viewer: Viewer | null,
	id: string | null,
	parsed: ReturnType<typeof parseForm<typeof organisationInput>>,
): Promise<{ ok: true } | { ok: false; form: OrganisationForm }> {
	await requireCoordinator(db, viewer);
	const organisation = id === null ? null : await findOrganisation(db, id);
	if (!parsed.ok) return { ok: false, form: { organisation, state: parsed.state } };
	try {
		if (organisation) await repo.updateOrganisation(db, organisation.id, parsed.data);
		else await repo.insertOrganisation(db, parsed.data);
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		return { ok: false, form: { organisation, state: withError(parsed.data, "orgNumber", "error.orgNumberTaken") } };
	}
	return { ok: true };
}

/** Checks that someone is signed in before they see the join form. */
export function joinForm(viewer: Viewer | null): void {
	requireSignedIn(viewer);
}

/** Registers an organisation awaiting approval, makes the person its admin and contact, and tells the coordinator. */
export async function joinProgramme(
	deps: MailDeps,
	viewer: Viewer | null,
	parsed: ReturnType<typeof parseForm<typeof joinInput>>,
	req: MailRequest,
): Promise<{ ok: true; id: string } | { ok: false; status: 422 | 429; state: FormState }> {
	const me = requireSignedIn(viewer);
	if (!parsed.ok) return { ok: false, status: 422, state: parsed.state };
	const { reason, ...values } = parsed.data;
	const until = await deps.limiter.refusedUntil(`join:user:${me.id}`, joinsPerDay, 24 * 3600);
	if (until) return { ok: false, status: 429, state: withError(parsed.data, "name", tryAgainFrom("organisation.join.tooMany", req.lang, until)) };
	let organisation: repo.Organisation;
	try {
		organisation = await deps.db.transaction(async (tx) => {
			const row = await repo.insertOrganisation(tx, { ...values, status: "pending" });
			await repo.addMember(tx, { userId: me.id, organisationId: row.id, role: "admin", isContact: true });
			return row;
		});
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		return { ok: false, status: 422, state: withError(parsed.data, "orgNumber", "organisation.join.orgNumberTaken") };
	}
	const coordinator = await coordinatorId(deps.db);
	const { t } = req;
	const body = t("organisation.join.mail.body", {
		name: organisation.name,
		type: t(`organisation.type.${organisation.type}`),
		orgNumber: organisation.orgNumber ?? t("organisation.missing"),
		website: organisation.website ?? t("organisation.missing"),
		description: organisation.description || t("organisation.missing"),
		reason,
		email: me.email,
		link: `${req.base}/admin/organisations`,
	});
	for (const to of coordinator ? await adminAddresses(deps.db, coordinator) : []) {
		await sendMail(deps.db, deps.config, { to, subject: t("organisation.join.mail.subject", { name: organisation.name }), body });
	}
	return { ok: true, id: organisation.id };
}

async function adminAddresses(db: Db, organisationId: string): Promise<string[]> {
	return (await repo.listMembers(db, organisationId)).filter((m) => m.role === "admin").map((m) => m.email);
}

/** The coordinator approves a pending organisation, which becomes public; its admins are told. */
export async function approveOrganisation(deps: MailDeps, viewer: Viewer | null, id: string, req: MailRequest): Promise<void> {
	await requireCoordinator(deps.db, viewer);
	const organisation = await findOrganisation(deps.db, id);
	if (organisation.status === "active") return;
	await repo.updateOrganisation(deps.db, organisation.id, { status: "active" });
	const body = req.t("organisation.approve.mail.body", { name: organisation.name, link: `${req.base}/aktorer/${organisation.id}/hantera` });
	for (const to of await adminAddresses(deps.db, organisation.id)) {
		await sendMail(deps.db, deps.config, { to, subject: req.t("organisation.approve.mail.subject", { name: organisation.name }), body });
	}
}

/** What the decline form shows: the organisation awaiting approval and the reason typed. */
export type DeclineForm = { organisation: repo.Organisation; state: FormState };

// Only an organisation still awaiting approval can be declined, and only by the coordinator.
async function pendingOrganisation(db: Db, viewer: Viewer | null, id: string): Promise<repo.Organisation> {
	await requireCoordinator(db, viewer);
	const organisation = await findOrganisation(db, id);
	if (organisation.status !== "pending") throw new HttpError(409, "organisation.decline.notPending", "organisation.decline.notPendingTitle");
	return organisation;
}

/** The coordinator's form that declines a pending organisation, with room for a reason. */
export async function declineForm(db: Db, viewer: Viewer | null, id: string): Promise<DeclineForm> {
	return { organisation: await pendingOrganisation(db, viewer, id), state: formState() };
}

/** The coordinator declines a pending organisation: it is deleted with its memberships, and its admins are told, with the reason if one is given. */
export async function declineOrganisation(
	deps: MailDeps,
	viewer: Viewer | null,
	id: string,
	parsed: ReturnType<typeof parseForm<typeof declineInput>>,
	req: MailRequest,
): Promise<{ ok: true } | { ok: false; form: DeclineForm }> {
	const organisation = await pendingOrganisation(deps.db, viewer, id);
	if (!parsed.ok) return { ok: false, form: { organisation, state: parsed.state } };
	const admins = await adminAddresses(deps.db, organisation.id);
	try {
		if (!(await repo.deletePendingOrganisation(deps.db, organisation.id))) throw notFound();
	} catch (err) {
		// Goals or other records made while it waited keep it from being deleted; the coordinator is told why.
		if (isForeignKeyViolation(err)) {
			throw new HttpError(409, "organisation.decline.inUse", "organisation.decline.notPendingTitle");
		}
		throw err;
	}
	const { reason } = parsed.data;
	const body = reason
		? req.t("organisation.decline.mail.bodyWithReason", { name: organisation.name, reason })
		: req.t("organisation.decline.mail.body", { name: organisation.name });
	for (const to of admins) {
		await sendMail(deps.db, deps.config, { to, subject: req.t("organisation.decline.mail.subject", { name: organisation.name }), body });
	}
	return { ok: true };
}
