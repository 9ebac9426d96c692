import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Lang, T } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { downloadPersonalData, erasePersonalData } from "../../lib/personal-data.js";
import { HttpError, notFound } from "../../plugins/http-errors.js";
import { type RateLimiter, tryAgainFrom } from "../../plugins/rate-limit.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import { msg } from "../../ui/messages.js";
import { sendMail } from "../mail/index.js";
import { organisationChoices, organisationExists } from "../organisations/index.js";
import { coordinatorId } from "../programmes/index.js";
import * as input from "./accounts.input.js";
import { authorize } from "./accounts.policy.js";
import * as repo from "./accounts.repo.js";
import { endSession, startSession } from "./sessions.js";

/** How long a sign-in code is valid. */
export const codeMinutes = 15;
/** Tries per code before it is dead. */
export const maxAttempts = 5;
// Limits per hour, and codes per address per day: enough for a person who mistypes, too few for guessing (at most 50
// tries at an address's codes a day) or for mailing strangers.
const limits = { codesPerAddress: 5, codesPerAddressPerDay: 10, codesPerIp: 30, triesPerIp: 60 };
const hour = 3600;
const day = 24 * hour;

/** What the sign-in pages need from the application. */
export type SignInDeps = { db: Db; config: Config; limiter: RateLimiter };
/** Why a code can no longer be used. */
export type CodeGone = "expired" | "used" | "dead";

// The code is six digits, so a plain hash of it could be reversed by trying all million values.
// An HMAC keyed with the server's secret cannot be tried without the secret, so a copy of the
// database alone reveals no code. The address is part of the input so a hash fits only its own row.
function hashCode(secret: string, email: string, code: string): string {
	return createHmac("sha256", secret).update(`${email.toLowerCase()}\n${code}`).digest("base64url");
}

function sameHash(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a code for an address and mails it; answers the same whether or not the address has an account. */
export async function requestCode(
	deps: SignInDeps,
	req: { body: unknown; ip: string; t: T; lang: Lang },
): Promise<{ ok: true; codeId: string } | { ok: false; status: 422 | 429; state: FormState }> {
	const parsed = parseForm(input.signInInput, req.body);
	if (!parsed.ok) return { ok: false, status: 422, state: parsed.state };
	const { email } = parsed.data;
	// The first limit that refuses says when one may ask again: within the hour, or not before the day's window ends.
	const windows: [string, number, number][] = [
		[`sign-in:ip:${req.ip}`, limits.codesPerIp, hour],
		[`sign-in:email:${email}`, limits.codesPerAddress, hour],
		[`sign-in:email:${email}`, limits.codesPerAddressPerDay, day],
	];
	for (const [key, max, seconds] of windows) {
		const until = await deps.limiter.refusedUntil(key, max, seconds);
		if (!until) continue;
		return { ok: false, status: 429, state: withError(formState({ email }), "email", tryAgainFrom("accounts.signIn.tooMany", req.lang, until)) };
	}

	const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
	const expiresAt = new Date(Date.now() + codeMinutes * 60_000);
	const row = await repo.insertCode(deps.db, { email, codeHash: hashCode(deps.config.sessionSecret, email, code), expiresAt });
	await sendMail(deps.db, deps.config, {
		to: email,
		subject: req.t("accounts.mail.subject"),
		body: req.t("accounts.mail.body", { code, minutes: codeMinutes }),
		bodyKept: req.t("accounts.mail.bodyNotKept"),
	});
	return { ok: true, codeId: row.id };
}

function goneReason(row: repo.SignInCode): CodeGone | null {
	if (row.usedAt) return "used";
	if (row.attempts >= maxAttempts) return "dead";
	if (row.expiresAt.getTime() <= Date.now()) return "expired";
	return null;
}

async function findCodeOr404(db: Db, id: string): Promise<repo.SignInCode> {
	const row = isUuid(id) ? await repo.findCode(db, id) : undefined;
	if (!row) throw notFound();
	return row;
}

/** Whether a code can still be entered, for the code page. */
export async function codeStatus(db: Db, id: string): Promise<CodeGone | null> {
	return goneReason(await findCodeOr404(db, id));
}

/** Checks a typed code and, when right, signs the person in with a new session (ending the one they had). */
export async function verifyCode(
	deps: SignInDeps,
	req: { codeId: string; body: unknown; ip: string; lang: Lang; previousToken: string | undefined },
): Promise<
	| { kind: "signedIn"; token: string; expiresAt: Date }
	| { kind: "gone"; reason: CodeGone }
	| { kind: "form"; status: 422 | 429; state: FormState }
> {
	const row = await findCodeOr404(deps.db, req.codeId);
	const typed = formState(req.body as Record<string, unknown>);
	const until = await deps.limiter.refusedUntil(`sign-in-code:ip:${req.ip}`, limits.triesPerIp, hour);
	if (until) return { kind: "form", status: 429, state: withError(typed, "code", tryAgainFrom("accounts.code.tooMany", req.lang, until)) };
	const gone = goneReason(row);
	if (gone) return { kind: "gone", reason: gone };
	const parsed = parseForm(input.codeInput, req.body);
	if (!parsed.ok) return { kind: "form", status: 422, state: parsed.state };

	// Counted before comparing, in one statement, so parallel guesses cannot exceed the limit.
	const counted = await repo.countAttempt(deps.db, row.id, maxAttempts);
	if (!counted) return { kind: "gone", reason: goneReason((await repo.findCode(deps.db, row.id))!) ?? "dead" };
	if (!sameHash(counted.codeHash, hashCode(deps.config.sessionSecret, counted.email, parsed.data.code))) {
		if (counted.attempts >= maxAttempts) return { kind: "gone", reason: "dead" };
		return { kind: "form", status: 422, state: withError(typed, "code", msg("accounts.code.wrong", { left: maxAttempts - counted.attempts })) };
	}

	return deps.db.transaction(async (tx) => {
		if (!(await repo.markCodeUsed(tx, row.id))) return { kind: "gone" as const, reason: "used" as const };
		const user = await repo.findOrCreateUser(tx, counted.email);
		await repo.updateUser(tx, user.id, { lastSignInAt: new Date() });
		// A new session at every sign-in, so a token planted before sign-in is worth nothing after it.
		if (req.previousToken) await endSession(tx, req.previousToken);
		const session = await startSession(tx, user.id);
		return { kind: "signedIn" as const, ...session };
	});
}

/** The e-mail addresses of the installation's administrators, e.g. to report a problem to. */
export async function administratorEmails(db: Db): Promise<string[]> {
	return repo.listAdministratorEmails(db);
}

/** A role a person holds, as a message key and its parameters. */
export type Role = { key: string; params?: Record<string, string>; href?: string };

/** The signed-in person's own record, memberships and roles. */
export async function accountPage(db: Db, viewer: Viewer | null) {
	const me = authorize(viewer, "ownAccount");
	const [found, memberships, coordinator] = await Promise.all([repo.findUser(db, me.id), repo.listMemberships(db, me.id), coordinatorId(db)]);
	const user = found!;
	const roles: Role[] = [{ key: "accounts.role.resident" }];
	for (const m of memberships) {
		roles.push({
			key: m.role === "admin" ? "accounts.role.orgAdmin" : "accounts.role.member",
			params: { org: m.organisationName },
			href: `/aktorer/${m.organisationId}/hantera`,
		});
	}
	if (memberships.some((m) => m.role === "admin" && m.organisationId === coordinator)) roles.push({ key: "accounts.role.coordinator" });
	if (user.isAdministrator) roles.push({ key: "accounts.role.administrator" });
	return { user, roles };
}

/** Changes the signed-in person's name. */
export async function updateName(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState }> {
	const me = authorize(viewer, "ownAccount");
	const parsed = parseForm(input.nameInput, body);
	if (!parsed.ok) return parsed;
	await repo.updateUser(db, me.id, { name: parsed.data.name });
	return { ok: true };
}

/**
 * Everything stored about the signed-in person, for download: account and memberships, and what every module that keeps
 * something about people registered (ideas, comments, supports, sign-ups, survey answers).
 */
export async function exportData(db: Db, viewer: Viewer | null) {
	const me = authorize(viewer, "ownAccount");
	const user = (await repo.findUser(db, me.id))!;
	const [memberships, theirs] = await Promise.all([repo.listMemberships(db, me.id), downloadPersonalData(db, user)]);
	return {
		exportedAt: new Date().toISOString(),
		user,
		memberships: memberships.map(({ userId: _, ...m }) => m),
		...theirs,
	};
}

/**
 * Deletes the signed-in person's account with their sessions, memberships, codes and mails; their ideas, comments and
 * supports with their inputs; the name and e-mail of their workshop sign-ups. Signed-in survey answers lose their link
 * to the account (the database sets it to null) and stay as anonymous answers, as the account page says.
 */
export async function deleteAccount(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState }> {
	const me = authorize(viewer, "ownAccount");
	const parsed = parseForm(input.deleteInput, body);
	if (!parsed.ok) return parsed;
	await db.transaction(async (tx) => {
		await repo.deleteCodesFor(tx, me.email);
		await erasePersonalData(tx, me);
		await repo.deleteUser(tx, me.id);
	});
	return { ok: true };
}

/** Everyone with their memberships, and the organisations to choose from, for the administrator. */
export async function usersPage(db: Db, viewer: Viewer | null) {
	authorize(viewer, "administerPeople");
	const [users, memberships, organisations] = await Promise.all([repo.listUsers(db), repo.listMemberships(db), organisationChoices(db, "all")]);
	return {
		users: users.map((u) => ({ ...u, memberships: memberships.filter((m) => m.userId === u.id) })),
		organisations,
	};
}

/** Gives a person (created when new) a role in an organisation. */
export async function grantMembership(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState }> {
	authorize(viewer, "administerPeople");
	const parsed = parseForm(input.grantInput, body);
	if (!parsed.ok) return parsed;
	const { email, organisationId, role } = parsed.data;
	if (!(await organisationExists(db, organisationId))) {
		return { ok: false, state: withError(formState(body as Record<string, unknown>), "organisationId", "error.unknownOrganisation") };
	}
	await db.transaction(async (tx) => {
		const user = await repo.findOrCreateUser(tx, email);
		await repo.upsertMembership(tx, { userId: user.id, organisationId, role });
	});
	return { ok: true };
}

/** Takes a person out of an organisation. */
export async function removeMembership(db: Db, viewer: Viewer | null, body: unknown): Promise<void> {
	authorize(viewer, "administerPeople");
	const parsed = parseForm(input.membershipInput, body);
	if (!parsed.ok) throw notFound();
	await repo.deleteMembership(db, parsed.data.userId, parsed.data.organisationId);
}

/** Makes a person administrator or takes the right away; nobody can take their own. Says whether they are one now. */
export async function setAdministrator(db: Db, viewer: Viewer | null, body: unknown): Promise<boolean> {
	const me = authorize(viewer, "administerPeople");
	const parsed = parseForm(input.administratorInput, body);
	if (!parsed.ok) throw notFound();
	const { userId, administrator } = parsed.data;
	// Keeps at least one administrator, and nobody locks themselves out by mistake.
	if (userId === me.id && administrator === "no") {
		throw new HttpError(409, "accounts.users.cannotUnmakeSelf", "accounts.users.cannotUnmakeSelf.title");
	}
	if (!(await repo.findUser(db, userId))) throw notFound();
	await repo.updateUser(db, userId, { isAdministrator: administrator === "yes" });
	return administrator === "yes";
}
