import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import { translateMsg } from "../../ui/messages.js";
import { Paragraphs } from "../../ui/text.js";
import { organisationsField } from "./focus-areas.input.js";
import type { FocusAreaForm, PublicFocusArea } from "./focus-areas.service.js";
import { ConcerningDecisions, type ItemSummary } from "../decisions/index.js";

function countText(ctx: PageContext, count: number): string {
	return ctx.t(count === 1 ? "focusArea.organisationCount.one" : "focusArea.organisationCount.other", { count });
}

/** The public list of focus areas in order, with who works in each. */
export function FocusAreasPage({ ctx, areas }: { ctx: PageContext; areas: PublicFocusArea[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("focusArea.title")}</h1>
			<p class="lead">{t("focusArea.intro")}</p>
			{areas.length === 0 ? (
				<p>{t("focusArea.none")}</p>
			) : (
				<ol class="card-list">
					{areas.map((a) => (
						<li key={a.id} class="card">
							<h2>
								<a href={`/fokusomraden/${a.id}`}>{a.name}</a>
							</h2>
							<Paragraphs text={a.description} />
							<p class="meta">
								{countText(ctx, a.organisations.length)}
								{a.organisations.length > 0 && `: ${a.organisations.map((o) => o.name).join(", ")}`}
							</p>
						</li>
					))}
				</ol>
			)}
		</>
	);
}

/** One focus area: its description and the organisations that work in it. */
export function FocusAreaPage({ ctx, area, decisions }: { ctx: PageContext; area: PublicFocusArea; decisions: ItemSummary[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/fokusomraden">{t("focusArea.back")}</a>
			</p>
			<h1>{area.name}</h1>
			<Paragraphs text={area.description} />
			<h2>{t("focusArea.organisations")}</h2>
			<p>{countText(ctx, area.organisations.length)}</p>
			{area.organisations.length > 0 && (
				<ul>
					{area.organisations.map((o) => (
						<li key={o.id}>
							<a href={`/aktorer/${o.id}`}>{o.name}</a>
						</li>
					))}
				</ul>
			)}
			<ConcerningDecisions ctx={ctx} items={decisions} headingId="focus-area-decisions" />
		</>
	);
}

/** The coordinator's list of focus areas. */
export function AdminFocusAreasPage({ ctx, areas }: { ctx: PageContext; areas: PublicFocusArea[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("focusArea.admin.backToAdmin")}</a>
			</p>
			<h1>{t("focusArea.title")}</h1>
			<p>
				<a class="button" href="/admin/focus-areas/new">
					{t("focusArea.admin.new")}
				</a>
			</p>
			{areas.length === 0 ? (
				<p>{t("focusArea.none")}</p>
			) : (
				<div class="table-scroll">
					<table>
						<caption>{t("focusArea.admin.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("focusArea.field.position")}</th>
								<th scope="col">{t("focusArea.field.name")}</th>
								<th scope="col">{t("focusArea.admin.organisationCount")}</th>
							</tr>
						</thead>
						<tbody>
							{areas.map((a) => (
								<tr key={a.id}>
									<td>{a.position}</td>
									<th scope="row">
										<a href={`/admin/focus-areas/${a.id}/edit`}>{a.name}</a>
									</th>
									<td>{a.organisations.length}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

/** The form to create or change a focus area and choose who works in it. */
export function FocusAreaFormPage({ ctx, form }: { ctx: PageContext; form: FocusAreaForm }) {
	const { t } = ctx;
	const { area, state } = form;
	const labels = {
		name: t("focusArea.field.name"),
		position: t("focusArea.field.position"),
		description: t("focusArea.field.description"),
		[organisationsField]: t("focusArea.field.organisations"),
	};
	const error = state.errors[organisationsField];
	return (
		<>
			<p>
				<a href="/admin/focus-areas">{t("focusArea.admin.back")}</a>
			</p>
			<h1>{area ? t("focusArea.admin.edit", { name: area.name }) : t("focusArea.admin.new")}</h1>
			<Form ctx={ctx} form={state} action={area ? `/admin/focus-areas/${area.id}/edit` : "/admin/focus-areas/new"} labels={labels}>
				<TextField ctx={ctx} form={state} name="name" label={labels.name} required maxLength={200} />
				<TextField ctx={ctx} form={state} name="position" label={labels.position} hint={t("focusArea.hint.position")} required inputmode="numeric" />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description} maxLength={4000} />
				<fieldset class={error ? "checkboxes field-invalid" : "checkboxes"} aria-describedby={error ? `error-${organisationsField}` : undefined}>
					<legend>
						{labels[organisationsField]} <span class="field-need">({t("form.optional")})</span>
					</legend>
					{error && (
						<p class="field-error" id={`error-${organisationsField}`}>
							{translateMsg(t, error)}
						</p>
					)}
					{form.organisations.length === 0 && <p>{t("focusArea.noOrganisations")}</p>}
					{form.organisations.map((o, i) => {
						const id = i === 0 ? `field-${organisationsField}` : `field-${organisationsField}-${o.id}`;
						return (
							<div key={o.id} class="checkbox">
								<input type="checkbox" id={id} name={organisationsField} value={o.id} checked={form.chosen.includes(o.id)} />
								<label for={id}>{o.name}</label>
							</div>
						);
					})}
				</fieldset>
			</Form>
		</>
	);
}
