import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField, useFieldIds } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import { translateMsg } from "../../ui/messages.js";
import { Paragraphs } from "../../ui/text.js";
import { organisationsField } from "./focus-areas.input.js";
import type { FocusAreaForm, PublicFocusArea } from "./focus-areas.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

/** "3 organisations work in the area", for the list of areas and each area's page. */
export function countText(ctx: PageContext, count: number): string {
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

/** The coordinator's list of focus areas. */
export function AdminFocusAreasPage({ ctx, areas }: { ctx: PageContext; areas: PublicFocusArea[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("focusArea.admin.backToAdmin")}</a>
			</p>
			<h1>{t("focusArea.title")}</h1>
			<PageHelp ctx={ctx} page="focusAreas" />
			<p>
				<a class="button" href="/admin/focus-areas/new">
					{t("focusArea.admin.new")}
				</a>
			</p>
			{areas.length === 0 ? (
				<p>{t("focusArea.none")}</p>
			) : (
				<TableScroll label={t("focusArea.admin.caption")}>
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
				</TableScroll>
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
				<CheckboxGroup
					ctx={ctx}
					form={state}
					name={organisationsField}
					legend={labels[organisationsField]}
					options={form.organisations}
					checked={form.chosen}
					empty={t("focusArea.noOrganisations")}
				/>
			</Form>
		</>
	);
}

/** A group of checkboxes (the first box carries the field id the error summary links to), with its error. */
export function CheckboxGroup(props: {
	ctx: PageContext;
	form: FormState;
	name: string;
	legend: string;
	options: { id: string; name: string }[];
	checked: string[];
	empty: string;
}) {
	const { ctx, name } = props;
	const error = props.form.errors[name];
	const ids = useFieldIds(name);
	return (
		<fieldset class={error ? "checkboxes field-invalid" : "checkboxes"} aria-describedby={error ? ids.error : undefined}>
			<legend>
				{props.legend} <span class="field-need">({ctx.t("form.optional")})</span>
			</legend>
			{error && (
				<p class="field-error" id={ids.error}>
					{translateMsg(ctx.t, error)}
				</p>
			)}
			{props.options.length === 0 && <p>{props.empty}</p>}
			{props.options.map((o, i) => {
				const id = i === 0 ? ids.input : `${ids.input}-${o.id}`;
				return (
					<div key={o.id} class="checkbox">
						<input type="checkbox" id={id} name={name} value={o.id} checked={props.checked.includes(o.id)} />
						<label for={id}>{o.name}</label>
					</div>
				);
			})}
		</fieldset>
	);
}
