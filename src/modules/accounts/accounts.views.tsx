import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, Form, SelectField, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { type accountPage, type CodeGone, codeMinutes, type usersPage } from "./accounts.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

const withNext = (path: string, next: string) => (next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`);

/** The sign-in form: one e-mail field, and what is stored and why. */
export function SignInPage({ ctx, form, next }: { ctx: PageContext; form: FormState; next: string }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("accounts.signIn.title")}</h1>
			<p>{t("accounts.signIn.intro")}</p>
			<Form ctx={ctx} form={form} action={withNext("/sign-in", next)} labels={{ email: t("accounts.signIn.email") }} submit={t("accounts.signIn.submit")}>
				<TextField
					ctx={ctx}
					form={form}
					name="email"
					type="email"
					autocomplete="email"
					label={t("accounts.signIn.email")}
					hint={t("accounts.signIn.emailHint")}
					required
				/>
			</Form>
		</>
	);
}

/** The form for the code that was mailed. */
export function CodePage({ ctx, form, codeId, next }: { ctx: PageContext; form: FormState; codeId: string; next: string }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("accounts.code.title")}</h1>
			<p>{t("accounts.code.intro", { minutes: codeMinutes })}</p>
			<Form ctx={ctx} form={form} action={withNext(`/sign-in/code/${codeId}`, next)} labels={{ code: t("accounts.code.code") }} submit={t("accounts.code.submit")}>
				<TextField
					ctx={ctx}
					form={form}
					name="code"
					inputmode="numeric"
					autocomplete="one-time-code"
					maxLength={7}
					label={t("accounts.code.code")}
					hint={t("accounts.code.hint")}
					required
				/>
			</Form>
			<p>
				{t("accounts.code.noCode")} <a href={withNext("/sign-in", next)}>{t("accounts.code.requestNew")}</a>
			</p>
		</>
	);
}

/** A code that can no longer be used: why, and where to get a new one. */
export function CodeGonePage({ ctx, reason, next }: { ctx: PageContext; reason: CodeGone; next: string }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("accounts.code.goneTitle")}</h1>
			<p>{t(`accounts.code.${reason}`, { minutes: codeMinutes })}</p>
			<p>
				<a href={withNext("/sign-in", next)}>{t("accounts.code.requestNew")}</a>
			</p>
		</>
	);
}

type AccountData = Awaited<ReturnType<typeof accountPage>>;

/** The signed-in person's own page: name, roles, download and deletion. */
export function AccountPage({ ctx, data, nameForm, deleteForm }: { ctx: PageContext; data: AccountData; nameForm: FormState; deleteForm: FormState }) {
	const { t } = ctx;
	const confirmError = deleteForm.errors.confirm;
	return (
		<>
			<h1>{t("accounts.account.title")}</h1>
			<dl class="facts">
				<dt>{t("accounts.account.email")}</dt>
				<dd>{data.user.email}</dd>
			</dl>
			<section aria-labelledby="name-title">
				<h2 id="name-title">{t("accounts.account.nameTitle")}</h2>
				<Form ctx={ctx} form={nameForm} action="/account" labels={{ name: t("accounts.account.name") }}>
					<TextField ctx={ctx} form={nameForm} name="name" autocomplete="name" maxLength={200} label={t("accounts.account.name")} hint={t("accounts.account.nameHint")} />
				</Form>
			</section>
			<section aria-labelledby="roles-title">
				<h2 id="roles-title">{t("accounts.account.roles")}</h2>
				<ul>
					{data.roles.map((role) => (
						<li key={`${role.key}-${role.params?.org ?? ""}`}>{role.href ? <a href={role.href}>{t(role.key, role.params)}</a> : t(role.key, role.params)}</li>
					))}
				</ul>
				<p>
					<a href="/aktorer/anslut">{t("organisation.joinLink")}</a>
				</p>
			</section>
			<section aria-labelledby="data-title">
				<h2 id="data-title">{t("accounts.account.data")}</h2>
				<p>{t("accounts.account.dataText")}</p>
				<p>
					<a href="/account/data" download="medskapa-my-data.json">
						{t("accounts.account.download")}
					</a>
				</p>
			</section>
			<section aria-labelledby="delete-title">
				<h2 id="delete-title">{t("accounts.account.delete")}</h2>
				<p>{t("accounts.account.deleteText")}</p>
				<p>{t("accounts.account.deleteContributions")}</p>
				<p>{t("accounts.account.deleteOther")}</p>
				<form method="post" action="/account/delete" novalidate>
					<input type="hidden" name="_csrf" value={ctx.csrfToken} />
					<ErrorSummary ctx={ctx} form={deleteForm} labels={{ confirm: t("accounts.account.confirm") }} />
					<div class={confirmError ? "field field-invalid" : "field"}>
						{confirmError && (
							<p class="field-error" id="error-confirm">
								{translateMsg(t, confirmError)}
							</p>
						)}
						<input
							type="checkbox"
							id="field-confirm"
							name="confirm"
							value="yes"
							aria-invalid={confirmError ? "true" : undefined}
							aria-describedby={confirmError ? "error-confirm" : undefined}
						/>{" "}
						<label for="field-confirm" class="checkbox-label">
							{t("accounts.account.confirm")}
						</label>
					</div>
					<button type="submit" class="danger">
						{t("accounts.account.deleteSubmit")}
					</button>
				</form>
			</section>
		</>
	);
}

type UsersData = Awaited<ReturnType<typeof usersPage>>;

function HiddenForm(props: { ctx: PageContext; action: string; fields: Record<string, string>; label: string; hidden: string }) {
	return (
		<form method="post" action={props.action} class="inline-form">
			<input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
			{Object.entries(props.fields).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<button type="submit" class="link-button">
				{props.label}
				<span class="visually-hidden"> {props.hidden}</span>
			</button>
		</form>
	);
}

/** The administrator's list of people, their roles, and the forms to change them. */
export function UsersPage({ ctx, data, grantForm }: { ctx: PageContext; data: UsersData; grantForm: FormState }) {
	const { t } = ctx;
	const labels = { email: t("accounts.users.grant.email"), organisationId: t("accounts.users.grant.organisation"), role: t("accounts.users.grant.role") };
	const roleName = (role: string) => t(`accounts.users.role.${role}`);
	return (
		<>
			<h1>{t("accounts.users.title")}</h1>
			<PageHelp ctx={ctx} page="users" />
			<section aria-labelledby="people-title">
				<h2 id="people-title">{t("accounts.users.people")}</h2>
				<TableScroll label={t("accounts.users.people")}>
					<table>
						<thead>
							<tr>
								<th scope="col">{t("accounts.users.email")}</th>
								<th scope="col">{t("accounts.users.name")}</th>
								<th scope="col">{t("accounts.users.administrator")}</th>
								<th scope="col">{t("accounts.users.memberships")}</th>
							</tr>
						</thead>
						<tbody>
							{data.users.map((u) => (
								<tr key={u.id}>
									<th scope="row">{u.email}</th>
									<td>{u.name}</td>
									<td>
										{t(u.isAdministrator ? "accounts.users.yes" : "accounts.users.no")}{" "}
										{u.id === ctx.viewer?.id ? (
											<span class="meta">{t("accounts.users.self")}</span>
										) : (
											<HiddenForm
												ctx={ctx}
												action="/admin/users/administrator"
												fields={{ userId: u.id, administrator: u.isAdministrator ? "no" : "yes" }}
												label={t(u.isAdministrator ? "accounts.users.unmakeAdmin" : "accounts.users.makeAdmin")}
												hidden={u.email}
											/>
										)}
									</td>
									<td>
										{u.memberships.length === 0 ? (
											t("accounts.users.noMemberships")
										) : (
											<ul class="plain-list">
												{u.memberships.map((m) => (
													<li key={m.organisationId}>
														{m.organisationName} ({roleName(m.role)}){" "}
														<HiddenForm
															ctx={ctx}
															action="/admin/users/memberships/remove"
															fields={{ userId: u.id, organisationId: m.organisationId }}
															label={t("accounts.users.remove")}
															hidden={t("accounts.users.removeWhat", { email: u.email, org: m.organisationName })}
														/>
													</li>
												))}
											</ul>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			</section>
			<section aria-labelledby="grant-title">
				<h2 id="grant-title">{t("accounts.users.grant.title")}</h2>
				{data.organisations.length === 0 ? (
					<p>{t("accounts.users.noOrganisations")}</p>
				) : (
					<Form ctx={ctx} form={grantForm} action="/admin/users/memberships" labels={labels} submit={t("accounts.users.grant.submit")}>
						<TextField ctx={ctx} form={grantForm} name="email" type="email" label={labels.email} hint={t("accounts.users.grant.emailHint")} required />
						<SelectField
							ctx={ctx}
							form={grantForm}
							name="organisationId"
							label={labels.organisationId}
							options={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
							required
						/>
						<SelectField
							ctx={ctx}
							form={grantForm}
							name="role"
							label={labels.role}
							options={["member", "admin"].map((r) => ({ value: r, label: roleName(r) }))}
							required
						/>
					</Form>
				)}
			</section>
		</>
	);
}
