import { TableScroll } from "../../ui/components.js";
import { formatDateTime } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import { areasField, memberRoles } from "./organisations.input.js";
import type { Member } from "./organisations.repo.js";
import { type InvitationView, invitationDays, type Workspace, type WorkspaceForms } from "./organisations.workspace.service.js";

const personName = (m: Member) => m.name || m.email;

/** A small form that posts one action with its CSRF token. */
function ActionForm({ ctx, action, label, name }: { ctx: PageContext; action: string; label: string; name: string }) {
	return (
		<form method="post" action={action} class="inline-form">
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			<button type="submit" class="link-button" aria-label={name}>
				{label}
			</button>
		</form>
	);
}

function MembersSection({ ctx, page, error }: { ctx: PageContext; page: Workspace; error: string | undefined }) {
	const { t } = ctx;
	const base = `/aktorer/${page.organisation.id}`;
	return (
		<section aria-labelledby="members-title">
			<h2 id="members-title">{t("organisation.members.title")}</h2>
			{error && (
				<p class="notice" role="alert" id="field-members">
					{translateMsg(t, error)}
				</p>
			)}
			<TableScroll label={t("organisation.members.caption")}>
				<table>
					<caption>{t("organisation.members.caption")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("organisation.members.person")}</th>
							<th scope="col">{t("organisation.members.role")}</th>
							<th scope="col">{t("organisation.members.contact")}</th>
							{page.isAdmin && <th scope="col">{t("organisation.members.actions")}</th>}
						</tr>
					</thead>
					<tbody>
						{page.members.map((m) => (
							<tr key={m.userId}>
								<th scope="row">
									{personName(m)} {m.name && <span class="meta">{m.email}</span>} {m.userId === page.me.id && t("organisation.members.you")}
								</th>
								<td>{t(`organisation.role.${m.role}`)}</td>
								<td>{t(m.isContact ? "organisation.members.isContact" : "organisation.members.notContact")}</td>
								{page.isAdmin && (
									<td>
										<form method="post" action={`${base}/medlemmar/${m.userId}/roll`} class="inline-form">
											<input type="hidden" name="_csrf" value={ctx.csrfToken} />
											<label class="visually-hidden" for={`role-${m.userId}`}>
												{t("organisation.members.roleFor", { person: personName(m) })}
											</label>
											<select id={`role-${m.userId}`} name="role">
												{memberRoles.map((r) => (
													<option key={r} value={r} selected={r === m.role}>
														{t(`organisation.role.${r}`)}
													</option>
												))}
											</select>{" "}
											<button type="submit">{t("organisation.members.changeRole")}</button>
										</form>{" "}
										<ActionForm
											ctx={ctx}
											action={`${base}/medlemmar/${m.userId}/ta-bort`}
											label={t("organisation.members.remove")}
											name={t("organisation.members.removeNamed", { person: personName(m) })}
										/>
									</td>
								)}
							</tr>
						))}
					</tbody>
				</table>
			</TableScroll>
		</section>
	);
}

function ContactPersonSection({ ctx, page, form }: { ctx: PageContext; page: Workspace; form: FormState | undefined }) {
	const { t } = ctx;
	const contact = page.members.find((m) => m.isContact);
	const state = form ?? formState({ userId: contact?.userId ?? "" });
	const label = t("organisation.contactPerson.field");
	return (
		<section aria-labelledby="contact-title">
			<h2 id="contact-title">{t("organisation.contactPerson.title")}</h2>
			<p>{t("organisation.contactPerson.intro")}</p>
			<p>{contact ? t("organisation.contactPerson.current", { person: personName(contact) }) : t("organisation.contactPerson.noneChosen")}</p>
			{page.isAdmin && (
				<Form ctx={ctx} form={state} action={`/aktorer/${page.organisation.id}/kontaktperson`} labels={{ userId: label }} submit={t("organisation.contactPerson.submit")}>
					<SelectField ctx={ctx} form={state} name="userId" label={label} required options={page.members.map((m) => ({ value: m.userId, label: personName(m) }))} />
				</Form>
			)}
		</section>
	);
}

function AreasSection({ ctx, page, form }: { ctx: PageContext; page: Workspace; form: FormState | undefined }) {
	const { t } = ctx;
	const state = form ?? formState();
	const legend = t("organisation.areas.legend");
	const chosen = page.areas.filter((a) => page.chosen.includes(a.id));
	return (
		<section aria-labelledby="areas-title">
			<h2 id="areas-title">{t("organisation.areas.title")}</h2>
			{page.isAdmin ? (
				<Form ctx={ctx} form={state} action={`/aktorer/${page.organisation.id}/fokusomraden`} labels={{ [areasField]: legend }} submit={t("organisation.areas.submit")}>
					<CheckboxGroup ctx={ctx} form={state} name={areasField} legend={legend} options={page.areas} checked={page.chosen} empty={t("organisation.areas.none")} />
				</Form>
			) : chosen.length ? (
				<ul>
					{chosen.map((a) => (
						<li key={a.id}>
							<a href={`/fokusomraden/${a.id}`}>{a.name}</a>
						</li>
					))}
				</ul>
			) : (
				<p>{t("organisation.noFocusAreas")}</p>
			)}
		</section>
	);
}

function InviteSection({ ctx, page, form }: { ctx: PageContext; page: Workspace; form: FormState | undefined }) {
	const { t, lang } = ctx;
	const state = form ?? formState({ role: "member" });
	const labels = { email: t("organisation.invite.email"), role: t("organisation.invite.role") };
	const now = Date.now();
	return (
		<section aria-labelledby="invite-title">
			<h2 id="invite-title">{t("organisation.invite.title")}</h2>
			<p>{t("organisation.invite.intro", { days: invitationDays })}</p>
			<Form ctx={ctx} form={state} action={`/aktorer/${page.organisation.id}/inbjudningar`} labels={labels} submit={t("organisation.invite.submit")}>
				<TextField ctx={ctx} form={state} name="email" label={labels.email} type="email" required autocomplete="off" maxLength={254} />
				<SelectField ctx={ctx} form={state} name="role" label={labels.role} required options={memberRoles.map((r) => ({ value: r, label: t(`organisation.role.${r}`) }))} />
			</Form>
			<h3>{t("organisation.invite.open")}</h3>
			{page.invitations.length === 0 ? (
				<p>{t("organisation.invite.none")}</p>
			) : (
				<ul>
					{page.invitations.map((i) => (
						<li key={i.id}>
							{i.email} ({t(`organisation.role.${i.role}`)},{" "}
							<time datetime={i.expiresAt.toISOString()}>
								{t(i.expiresAt.getTime() > now ? "organisation.invite.expires" : "organisation.invite.expired", { date: formatDateTime(lang, i.expiresAt) })}
							</time>
							){" "}
							<ActionForm
								ctx={ctx}
								action={`/aktorer/${page.organisation.id}/inbjudningar/${i.id}/aterkalla`}
								label={t("organisation.invite.revoke")}
								name={t("organisation.invite.revokeNamed", { email: i.email })}
							/>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}

/** The organisation's workspace: links to its goals and collaboration, members, contact person, focus areas and invitations. */
export function WorkspacePage({ ctx, page, forms = {} }: { ctx: PageContext; page: Workspace; forms?: WorkspaceForms }) {
	const { t } = ctx;
	const { organisation } = page;
	const base = `/aktorer/${organisation.id}`;
	return (
		<>
			<p>
				<a href={base}>{t("organisation.workspace.profile")}</a>
			</p>
			<h1>{t("organisation.workspace.title", { name: organisation.name })}</h1>
			{organisation.status === "pending" && <p class="notice">{t("organisation.pendingNotice")}</p>}
			<p class="lead">{t("organisation.workspace.intro")}</p>
			<h2>{t("organisation.workspace.links")}</h2>
			<ul>
				<li>
					<a href={`/mal?organisation=${organisation.id}`}>{t("organisation.workspace.goals")}</a>
				</li>
				<li>
					<a href={`${base}/mal/ny`}>{t("organisation.workspace.newGoal")}</a>
				</li>
				<li>
					<a href={`${base}/samarbeten`}>{t("organisation.workspace.collaboration")}</a>
				</li>
				{page.isAdmin && (
					<>
						<li>
							<a href={`${base}/hantera/uppgifter`}>{t("organisation.profileForm.link")}</a>
						</li>
						<li>
							<a href="/admin/antaganden">{t("organisation.workspace.adoption")}</a>
						</li>
					</>
				)}
			</ul>
			<MembersSection ctx={ctx} page={page} error={forms.members?.errors.members} />
			<ContactPersonSection ctx={ctx} page={page} form={forms.contact} />
			<AreasSection ctx={ctx} page={page} form={forms.areas} />
			{page.isAdmin && <InviteSection ctx={ctx} page={page} form={forms.invite} />}
		</>
	);
}

/** The page an invitation link opens: accept it, sign in first, or why it cannot be used. */
export function InvitationPage({ ctx, view, token }: { ctx: PageContext; view: InvitationView; token: string }) {
	const { t, lang } = ctx;
	if (view.kind === "gone") {
		return (
			<>
				<h1>{t("organisation.invitation.goneTitle")}</h1>
				<p>{t(`organisation.invitation.gone.${view.reason}`)}</p>
			</>
		);
	}
	const path = `/inbjudan/${token}`;
	return (
		<>
			<h1>{t("organisation.invitation.title", { name: view.organisationName })}</h1>
			<p>
				{t("organisation.invitation.text", { role: t(`organisation.role.${view.role}`).toLowerCase(), name: view.organisationName, date: formatDateTime(lang, view.expiresAt) })}
			</p>
			{!view.signedIn ? (
				<>
					<p>{t("organisation.invitation.signInHint")}</p>
					<p>
						<a class="button" href={`/sign-in?next=${encodeURIComponent(path)}`}>
							{t("organisation.invitation.signIn")}
						</a>
					</p>
				</>
			) : view.wrongAddress ? (
				<p class="notice" role="alert">
					{t("organisation.invitation.wrongAddress", { email: ctx.viewer?.email ?? "" })}
				</p>
			) : (
				<form method="post" action={path}>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					<button type="submit">{t("organisation.invitation.accept", { name: view.organisationName })}</button>
				</form>
			)}
		</>
	);
}
