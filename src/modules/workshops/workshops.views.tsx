import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { CheckboxField, Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { Paragraphs } from "../../ui/text.js";
import { limits, otherLocality } from "./workshops.input.js";
import { type facilitatorPage, type notePage, type publicWorkshops, registrationRetentionDays, type registrationsPage, type workshopPage } from "./workshops.service.js";
import { registrationModes } from "./workshops.schema.js";
import { Downloads, PageHelp } from "../../ui/components.js";

type ListRows = Awaited<ReturnType<typeof publicWorkshops>>;
type PageData = Awaited<ReturnType<typeof workshopPage>>;
type FacilitatorData = Awaited<ReturnType<typeof facilitatorPage>>;
type RegistrationsData = Awaited<ReturnType<typeof registrationsPage>>;

function When({ ctx, w }: { ctx: PageContext; w: { startsAt: Date; endsAt: Date } }) {
	return (
		<>
			<time dateTime={w.startsAt.toISOString()}>{formatDateTime(ctx.lang, w.startsAt)}</time>
			{"–"}
			<time dateTime={w.endsAt.toISOString()}>{formatDateTime(ctx.lang, w.endsAt).split(" ").pop()}</time>
		</>
	);
}

/** The public list of workshops, with a link to the calendar feed. */
export function WorkshopListPage({ ctx, rows }: { ctx: PageContext; rows: ListRows }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("workshop.list.title")}</h1>
			<p class="lead">{t("workshop.list.intro")}</p>
			<p>
				<a href="/framtidsverkstader.ics">{t("workshop.list.calendar")}</a>
			</p>
			{rows.length === 0 ? (
				<p>{t("workshop.list.none")}</p>
			) : (
				<ul class="card-list">
					{rows.map(({ workshop: w }) => (
						<li key={w.id} class="card">
							<h2>
								<a href={`/framtidsverkstader/${w.id}`}>{w.title}</a>
							</h2>
							<p>
								<When ctx={ctx} w={w} /> · {w.place}, {w.locality}
							</p>
						</li>
					))}
				</ul>
			)}
		</>
	);
}

function Registration({ ctx, data, form }: { ctx: PageContext; data: PageData; form: FormState }) {
	const { t } = ctx;
	const w = data.workshop;
	if (w.registration === "none") return <p>{t("workshop.registration.none")}</p>;
	if (!data.signUpOpen) return <p class="notice">{t("workshop.registration.closed", { at: formatDateTime(ctx.lang, w.startsAt) })}</p>;
	const left = Math.max(0, w.capacity - data.registered);
	const action = `/framtidsverkstader/${w.id}/anmalan`;
	const labels = { name: t("workshop.field.name"), email: t("workshop.field.email") };
	// A refusal that concerns the whole sign-up (full, no sign-up) is said once, above the form, which keeps what was typed.
	const { _form: refusal, ...fieldErrors } = form.errors;
	const fields = { values: form.values, errors: fieldErrors };
	return (
		<>
			<p>{t("workshop.registration.placesLeft", { left: formatNumber(ctx.lang, left), capacity: formatNumber(ctx.lang, w.capacity) })}</p>
			{refusal && (
				<p class="notice" role="alert">
					{translateMsg(t, refusal)}
				</p>
			)}
			{left === 0 && !refusal && <p class="notice">{t("workshop.error.full")}</p>}
			{(left > 0 || (refusal && w.registration === "named")) && (
				<>
					<p class="hint">{t(w.registration === "named" ? "workshop.registration.privacyNamed" : "workshop.registration.privacyHeadcount", { days: registrationRetentionDays })}</p>
					<Form ctx={ctx} form={fields} action={action} labels={labels} submit={t("workshop.registration.submit")}>
						{w.registration === "named" && (
							<>
								<TextField ctx={ctx} form={fields} name="name" label={labels.name} required autocomplete="name" hint={t("workshop.maxChars", { max: limits.name })} />
								<TextField ctx={ctx} form={fields} name="email" type="email" label={labels.email} required autocomplete="email" />
							</>
						)}
					</Form>
				</>
			)}
		</>
	);
}

/** A workshop's public page: when and where, sign-up, and what the groups wrote. */
export function WorkshopPage({ ctx, data, form }: { ctx: PageContext; data: PageData; form: FormState }) {
	const { t } = ctx;
	const w = data.workshop;
	return (
		<>
			<h1>{w.title}</h1>
			<dl class="facts">
				<dt>{t("workshop.when")}</dt>
				<dd>
					<When ctx={ctx} w={w} />
				</dd>
				<dt>{t("workshop.where")}</dt>
				<dd>
					{w.place}, {w.locality}
				</dd>
				{w.headcount !== null && (
					<>
						<dt>{t("workshop.headcount")}</dt>
						<dd>{formatNumber(ctx.lang, w.headcount)}</dd>
					</>
				)}
			</dl>
			<Paragraphs text={w.description} />
			{data.canFacilitate && (
				<p>
					<a href={`/framtidsverkstader/${w.id}/anteckningar`}>{t("workshop.facilitate.link")}</a>
				</p>
			)}
			<section aria-labelledby="registration-title">
				<h2 id="registration-title">{t("workshop.registration.title")}</h2>
				<Registration ctx={ctx} data={data} form={form} />
			</section>
			{w.summary && (
				<section aria-labelledby="summary-title">
					<h2 id="summary-title">{t("workshop.summary")}</h2>
					<Paragraphs text={w.summary} />
				</section>
			)}
			<Notes ctx={ctx} groups={data.groups} />
		</>
	);
}

type NoteRow = PageData["groups"][number]["notes"][number] & { mayCorrect?: boolean; versions?: number };

function Notes({ ctx, groups, showAuthor }: { ctx: PageContext; groups: { groupLabel: string; question: string; notes: NoteRow[] }[]; showAuthor?: boolean }) {
	const { t } = ctx;
	return (
		<section aria-labelledby="notes-title">
			<h2 id="notes-title">{t("workshop.notes.title")}</h2>
			{groups.length === 0 && <p>{t("workshop.notes.none")}</p>}
			{groups.map((g) => (
				<section key={`${g.groupLabel}-${g.question}`}>
					<h3>
						{g.groupLabel}: {g.question}
					</h3>
					<ul>
						{g.notes.map(({ note, enteredByName, enteredByEmail, mayCorrect, versions }) => (
							<li key={note.id}>
								{note.withdrawnAt ? <s>{note.text}</s> : note.text}
								{note.revisedAt && <span class="meta"> ({t("workshop.note.corrected", { at: formatDateTime(ctx.lang, note.revisedAt) })})</span>}
								{showAuthor && (
									<span class="meta">
										{" "}
										({t("workshop.notes.enteredBy", { who: enteredByName || enteredByEmail || "–", at: formatDateTime(ctx.lang, note.enteredAt) })}
										{note.withdrawnAt && `; ${t("workshop.note.withdrawnLabel")}`}
										{versions ? `; ${t("workshop.note.versions", { n: versions })}` : ""})
									</span>
								)}
								{mayCorrect && (
									<>
										{" "}
										<a href={`/framtidsverkstader/${note.workshopId}/anteckningar/${note.id}`} aria-label={`${t("workshop.note.correctLink")}: ${note.text}`}>
											{t("workshop.note.correctLink")}
										</a>
									</>
								)}
							</li>
						))}
					</ul>
				</section>
			))}
		</section>
	);
}

/** The facilitator's page: notes per group and question, then the headcount and summary. */
export function FacilitatorPage({ ctx, data, notesForm, outcomeForm }: { ctx: PageContext; data: FacilitatorData; notesForm: FormState; outcomeForm: FormState }) {
	const { t } = ctx;
	const w = data.workshop;
	const notesLabels = { groupLabel: t("workshop.field.groupLabel"), question: t("workshop.field.question"), notes: t("workshop.field.notes") };
	const outcomeLabels = {
		headcount: t("workshop.field.headcount"),
		localityCounts: t("workshop.field.localityCounts"),
		ageBandCounts: t("workshop.field.ageBandCounts"),
		summary: t("workshop.field.summary"),
	};
	return (
		<>
			<h1>{t("workshop.facilitate.title", { title: w.title })}</h1>
			<ul>
				<li>
					<a href={`/framtidsverkstader/${w.id}`}>{t("workshop.facilitate.back")}</a>
				</li>
				{w.registration !== "none" && (
					<li>
						<a href={`/framtidsverkstader/${w.id}/anmalda`}>{t("workshop.registrations.link")}</a>
					</li>
				)}
			</ul>
			<section aria-labelledby="add-notes-title">
				<h2 id="add-notes-title">{t("workshop.facilitate.addNotes")}</h2>
				<Form ctx={ctx} form={notesForm} action={`/framtidsverkstader/${w.id}/anteckningar`} labels={notesLabels} submit={t("workshop.facilitate.saveNotes")}>
					<TextField ctx={ctx} form={notesForm} name="groupLabel" label={notesLabels.groupLabel} required hint={t("workshop.field.groupLabel.hint", { max: limits.group })} />
					<TextField ctx={ctx} form={notesForm} name="question" label={notesLabels.question} required hint={t("workshop.maxChars", { max: limits.question })} />
					<TextArea ctx={ctx} form={notesForm} name="notes" label={notesLabels.notes} required rows={10} hint={t("workshop.field.notes.hint", { max: limits.note, total: limits.notes })} />
				</Form>
			</section>
			<section aria-labelledby="outcome-title">
				<h2 id="outcome-title">{t("workshop.facilitate.outcome")}</h2>
				<Form ctx={ctx} form={outcomeForm} action={`/framtidsverkstader/${w.id}/resultat`} labels={outcomeLabels} submit={t("workshop.facilitate.saveOutcome")}>
					<TextField ctx={ctx} form={outcomeForm} name="headcount" inputmode="numeric" label={outcomeLabels.headcount} required hint={t("workshop.field.headcount.hint")} />
					<TextArea ctx={ctx} form={outcomeForm} name="localityCounts" label={outcomeLabels.localityCounts} rows={4} hint={t("workshop.field.localityCounts.hint")} />
					<TextArea ctx={ctx} form={outcomeForm} name="ageBandCounts" label={outcomeLabels.ageBandCounts} rows={4} hint={t("workshop.field.ageBandCounts.hint")} />
					<TextArea ctx={ctx} form={outcomeForm} name="summary" label={outcomeLabels.summary} rows={6} hint={t("workshop.maxChars", { max: limits.summary })} />
				</Form>
			</section>
			<Notes ctx={ctx} groups={data.groups} showAuthor />
		</>
	);
}

/** Who signed up for a workshop, for its facilitator and the coordinator, with the export and when names and e-mails are deleted. */
export function RegistrationsPage({ ctx, data }: { ctx: PageContext; data: RegistrationsData }) {
	const { t, lang } = ctx;
	const w = data.workshop;
	const list = `/framtidsverkstader/${w.id}/anmalda`;
	return (
		<>
			<h1>{t("workshop.registrations.title", { title: w.title })}</h1>
			<p>
				<a href={`/framtidsverkstader/${w.id}/anteckningar`}>{t("workshop.facilitate.link")}</a>
			</p>
			<p>{t("workshop.registrations.count", { n: formatNumber(lang, data.registrations.length), capacity: formatNumber(lang, w.capacity) })}</p>
			<p class="hint">
				{t(data.erased ? "workshop.registrations.erased" : "workshop.registrations.eraseAt", { at: formatDateTime(lang, data.eraseAt), days: registrationRetentionDays })}
			</p>
			{w.registration === "headcount" && <p>{t("workshop.registrations.anonymous")}</p>}
			{data.registrations.length === 0 ? (
				<p>{t("workshop.registrations.none")}</p>
			) : (
				<>
					<Downloads ctx={ctx} xlsx={`${list}.xlsx`} csvExcel={`${list}.csv?sep=semicolon`} csv={`${list}.csv`} />
					<table>
						<caption>{t("workshop.registrations.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("workshop.registrations.number")}</th>
								<th scope="col">{t("workshop.field.name")}</th>
								<th scope="col">{t("workshop.field.email")}</th>
								<th scope="col">{t("workshop.registrations.at")}</th>
							</tr>
						</thead>
						<tbody>
							{data.registrations.map((r, i) => (
								<tr key={r.id}>
									<th scope="row">{formatNumber(lang, i + 1)}</th>
									<td>{r.name ?? t("workshop.registrations.noName")}</td>
									<td>{r.email ?? "–"}</td>
									<td>{formatDateTime(lang, r.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</>
			)}
		</>
	);
}

/** The coordinator's list of workshops. */
export function WorkshopAdminList({ ctx, rows }: { ctx: PageContext; rows: ListRows }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("workshop.admin.title")}</h1>
			<PageHelp ctx={ctx} page="workshops" />
			<p>
				<a href="/admin/framtidsverkstader/ny">{t("workshop.admin.new")}</a>
			</p>
			{rows.length === 0 ? (
				<p>{t("workshop.list.none")}</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">{t("workshop.field.title")}</th>
							<th scope="col">{t("workshop.when")}</th>
							<th scope="col">{t("workshop.admin.registered")}</th>
							<th scope="col">{t("workshop.headcount")}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(({ workshop: w, registered }) => (
							<tr key={w.id}>
								<th scope="row">
									<a href={`/admin/framtidsverkstader/${w.id}`}>{w.title}</a>
								</th>
								<td>{formatDateTime(ctx.lang, w.startsAt)}</td>
								<td>
									{w.registration === "none" ? (
										`${formatNumber(ctx.lang, registered)} / ${formatNumber(ctx.lang, w.capacity)}`
									) : (
										<a href={`/framtidsverkstader/${w.id}/anmalda`}>
											{formatNumber(ctx.lang, registered)} / {formatNumber(ctx.lang, w.capacity)}
										</a>
									)}
								</td>
								<td>{w.headcount === null ? "–" : formatNumber(ctx.lang, w.headcount)}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</>
	);
}

/** The coordinator's form for a new or changed workshop. */
export function WorkshopForm({
	ctx,
	form,
	localities,
	action,
	heading,
	workshopId,
}: { ctx: PageContext; form: FormState; localities: readonly string[]; action: string; heading: string; workshopId?: string }) {
	const { t } = ctx;
	const labels = Object.fromEntries(
		["title", "date", "startTime", "endTime", "place", "locality", "otherLocality", "description", "capacity", "registration", "facilitatorEmail"].map((f) => [
			f,
			t(`workshop.field.${f}`),
		]),
	);
	const localityOptions = [...localities.map((l) => ({ value: l, label: l })), { value: otherLocality, label: t("workshop.field.locality.other") }];
	return (
		<>
			<h1>{heading}</h1>
			{workshopId && (
				<ul>
					<li>
						<a href={`/framtidsverkstader/${workshopId}/anteckningar`}>{t("workshop.facilitate.link")}</a>
					</li>
					<li>
						<a href={`/framtidsverkstader/${workshopId}/anmalda`}>{t("workshop.registrations.link")}</a>
					</li>
				</ul>
			)}
			<Form ctx={ctx} form={form} action={action} labels={labels}>
				<TextField ctx={ctx} form={form} name="title" label={labels.title!} required hint={t("workshop.maxChars", { max: limits.title })} />
				<TextField ctx={ctx} form={form} name="date" type="date" label={labels.date!} required hint={t("workshop.field.date.hint")} />
				<TextField ctx={ctx} form={form} name="startTime" label={labels.startTime!} required hint={t("workshop.field.time.hint")} />
				<TextField ctx={ctx} form={form} name="endTime" label={labels.endTime!} required hint={t("workshop.field.time.hint")} />
				<TextField ctx={ctx} form={form} name="place" label={labels.place!} required hint={t("workshop.maxChars", { max: limits.place })} />
				<SelectField ctx={ctx} form={form} name="locality" label={labels.locality!} required hint={t("workshop.field.locality.hint")} options={localityOptions} />
				<TextField ctx={ctx} form={form} name="otherLocality" label={labels.otherLocality!} hint={t("workshop.field.otherLocality.hint", { max: limits.locality })} />
				<TextArea ctx={ctx} form={form} name="description" label={labels.description!} hint={t("workshop.maxChars", { max: limits.description })} />
				<TextField ctx={ctx} form={form} name="capacity" inputmode="numeric" label={labels.capacity!} required />
				<SelectField
					ctx={ctx}
					form={form}
					name="registration"
					label={labels.registration!}
					required
					hint={t("workshop.field.registration.hint", { days: registrationRetentionDays })}
					options={registrationModes.map((m) => ({ value: m, label: t(`workshop.registration.mode.${m}`) }))}
				/>
				<TextField ctx={ctx} form={form} name="facilitatorEmail" type="email" label={labels.facilitatorEmail!} hint={t("workshop.field.facilitatorEmail.hint")} />
			</Form>
		</>
	);
}

type NoteData = Awaited<ReturnType<typeof notePage>>;

/** A note for its author or the coordinator: correct its text, withdraw it after a tick, and its earlier wordings. */
export function NotePage({ ctx, data, textForm, withdrawForm }: { ctx: PageContext; data: NoteData; textForm: FormState; withdrawForm: FormState }) {
	const { t, lang } = ctx;
	const { note, workshop: w } = data;
	const who = (name: string | null, email: string | null) => name || email || "–";
	return (
		<>
			<p>
				<a href={`/framtidsverkstader/${w.id}/anteckningar`}>{t("workshop.facilitate.title", { title: w.title })}</a>
			</p>
			<h1>{t("workshop.note.title")}</h1>
			<p class="lead">{t("workshop.note.current", { group: note.groupLabel, question: note.question })}</p>
			<p class="meta">{t("workshop.notes.enteredBy", { who: who(data.enteredByName, data.enteredByEmail), at: formatDateTime(lang, note.enteredAt) })}</p>
			{note.withdrawnAt ? (
				<p class="notice">
					{t("workshop.note.withdrawn", { at: formatDateTime(lang, note.withdrawnAt) })}: <s>{note.text}</s>
				</p>
			) : (
				<>
					<p>{t("workshop.note.intro")}</p>
					<Form ctx={ctx} form={textForm} action={`/framtidsverkstader/${w.id}/anteckningar/${note.id}`} labels={{ text: t("workshop.note.text") }} submit={t("workshop.note.save")}>
						<TextArea ctx={ctx} form={textForm} name="text" label={t("workshop.note.text")} required rows={3} hint={t("workshop.maxChars", { max: limits.note })} />
					</Form>
					<section aria-labelledby="withdraw-title">
						<h2 id="withdraw-title">{t("workshop.note.withdrawTitle")}</h2>
						<Form ctx={ctx} form={withdrawForm} action={`/framtidsverkstader/${w.id}/anteckningar/${note.id}/aterkalla`} labels={{ confirm: t("workshop.note.confirm") }} submit={t("workshop.note.withdraw")}>
							<CheckboxField ctx={ctx} form={withdrawForm} name="confirm" label={t("workshop.note.confirm")} />
						</Form>
					</section>
				</>
			)}
			<section aria-labelledby="history-title">
				<h2 id="history-title">{t("workshop.note.history")}</h2>
				{data.versions.length === 0 ? (
					<p>{t("workshop.note.noHistory")}</p>
				) : (
					<ol>
						{data.versions.map(({ version, savedByName, savedByEmail }) => (
							<li key={version.id}>
								{version.text} <span class="meta">({t("workshop.note.savedBy", { who: who(savedByName, savedByEmail), at: formatDateTime(lang, version.savedAt) })})</span>
							</li>
						))}
					</ol>
				)}
			</section>
		</>
	);
}
