import type { PageContext } from "../../ui/context.js";
import { Form, TextArea, TextField } from "../../ui/form.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import { areasField } from "./indicators.input.js";
import type { IndicatorForm, IndicatorWithAreas } from "./indicators.service.js";

/** The coordinator's list of indicators. */
export function AdminIndicatorsPage({ ctx, indicators }: { ctx: PageContext; indicators: IndicatorWithAreas[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("indicator.backToAdmin")}</a>
			</p>
			<h1>{t("indicator.title")}</h1>
			<p class="lead">{t("indicator.intro")}</p>
			<p>
				<a class="button" href="/admin/indikatorer/ny">
					{t("indicator.new")}
				</a>
			</p>
			{indicators.length === 0 ? (
				<p>{t("indicator.none")}</p>
			) : (
				<div class="table-scroll">
					<table>
						<caption>{t("indicator.caption")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("indicator.field.title")}</th>
								<th scope="col">{t("indicator.field.unit")}</th>
								<th scope="col">{t("indicator.field.koladaKpi")}</th>
								<th scope="col">{t("indicator.field.focusAreaIds")}</th>
							</tr>
						</thead>
						<tbody>
							{indicators.map((i) => (
								<tr key={i.id}>
									<th scope="row">
										<a href={`/admin/indikatorer/${i.id}/andra`}>{i.title}</a>
									</th>
									<td>{i.unit}</td>
									<td>{i.koladaKpi ?? ""}</td>
									<td>{i.focusAreas.map((a) => a.name).join(", ")}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

/** The form to add or change an indicator and choose the focus areas that follow it. */
export function IndicatorFormPage({ ctx, form }: { ctx: PageContext; form: IndicatorForm }) {
	const { t } = ctx;
	const { indicator, state } = form;
	const labels = {
		title: t("indicator.field.title"),
		unit: t("indicator.field.unit"),
		description: t("indicator.field.description"),
		koladaKpi: t("indicator.field.koladaKpi"),
		[areasField]: t("indicator.field.focusAreaIds"),
	};
	return (
		<>
			<p>
				<a href="/admin/indikatorer">{t("indicator.back")}</a>
			</p>
			<h1>{indicator ? t("indicator.edit", { title: indicator.title }) : t("indicator.new")}</h1>
			<Form ctx={ctx} form={state} action={indicator ? `/admin/indikatorer/${indicator.id}/andra` : "/admin/indikatorer/ny"} labels={labels}>
				<TextField ctx={ctx} form={state} name="title" label={labels.title} required maxLength={200} />
				<TextField ctx={ctx} form={state} name="unit" label={labels.unit} hint={t("indicator.hint.unit")} maxLength={50} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description} maxLength={2000} />
				<TextField ctx={ctx} form={state} name="koladaKpi" label={labels.koladaKpi} hint={t("indicator.hint.koladaKpi")} maxLength={6} />
				<CheckboxGroup ctx={ctx} form={state} name={areasField} legend={labels[areasField]} options={form.areas} checked={form.chosen} empty={t("indicator.noAreas")} />
			</Form>
		</>
	);
}
