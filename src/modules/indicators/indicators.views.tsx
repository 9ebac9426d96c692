import { formatDate, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import { CheckboxGroup } from "../focus-areas/index.js";
import { areasField } from "./indicators.input.js";
import { betterDirections } from "./indicators.schema.js";
import { national } from "./kolada.sync.js";
import type { IndicatorForm, IndicatorWithAreas, IndicatorWithValues, Revised } from "./indicators.service.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

/** The coordinator's list of indicators. */
export function AdminIndicatorsPage({ ctx, indicators }: { ctx: PageContext; indicators: IndicatorWithAreas[] }) {
	const { t } = ctx;
	return (
		<>
			<p>
				<a href="/admin">{t("indicator.backToAdmin")}</a>
			</p>
			<h1>{t("indicator.title")}</h1>
			<PageHelp ctx={ctx} page="indicators" />
			<p class="lead">{t("indicator.intro")}</p>
			<p>
				<a class="button" href="/admin/indikatorer/ny">
					{t("indicator.new")}
				</a>
			</p>
			{indicators.length === 0 ? (
				<p>{t("indicator.none")}</p>
			) : (
				<TableScroll label={t("indicator.caption")}>
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
				</TableScroll>
			)}
		</>
	);
}

/** The form to add or change an indicator and choose the focus areas that follow it. */
export function IndicatorFormPage({ ctx, form }: { ctx: PageContext; form: IndicatorForm }) {
	const { t } = ctx;
	const { indicator, state } = form;
	const fields = ["title", "unit", "description", "koladaKpi", "peerMunicipalities", "peerGroup", "measuredHow", "reportedBy", "baselineValue", "baselineYear", "targetValue", "targetYear", "better", areasField];
	const labels: Record<string, string> = Object.fromEntries(fields.map((f) => [f, t(`indicator.field.${f}`)]));
	const decimal = (name: string) => <TextField ctx={ctx} form={state} name={name} label={labels[name]!} hint={t("indicator.hint.decimal")} maxLength={30} />;
	const year = (name: string) => <TextField ctx={ctx} form={state} name={name} label={labels[name]!} inputmode="numeric" maxLength={4} />;
	return (
		<>
			<p>
				<a href="/admin/indikatorer">{t("indicator.back")}</a>
			</p>
			<h1>{indicator ? t("indicator.edit", { title: indicator.title }) : t("indicator.new")}</h1>
			<Form ctx={ctx} form={state} action={indicator ? `/admin/indikatorer/${indicator.id}/andra` : "/admin/indikatorer/ny"} labels={labels}>
				<fieldset>
					<legend>{t("indicator.legend.kolada")}</legend>
					<p class="hint">{t("indicator.hint.kolada")}</p>
					<TextField ctx={ctx} form={state} name="koladaKpi" label={labels.koladaKpi!} hint={t("indicator.hint.koladaKpi")} maxLength={6} />
					<TextField ctx={ctx} form={state} name="peerMunicipalities" label={labels.peerMunicipalities!} hint={t("indicator.hint.peerMunicipalities")} maxLength={300} />
					<TextField ctx={ctx} form={state} name="peerGroup" label={labels.peerGroup!} hint={t("indicator.hint.peerGroup")} maxLength={200} />
				</fieldset>
				<TextField ctx={ctx} form={state} name="title" label={labels.title!} maxLength={200} />
				<TextField ctx={ctx} form={state} name="unit" label={labels.unit!} hint={t("indicator.hint.unit")} maxLength={50} />
				<TextArea ctx={ctx} form={state} name="description" label={labels.description!} maxLength={2000} />
				<fieldset>
					<legend>{t("indicator.legend.own")}</legend>
					<TextArea ctx={ctx} form={state} name="measuredHow" label={labels.measuredHow!} rows={3} maxLength={2000} />
					<TextField ctx={ctx} form={state} name="reportedBy" label={labels.reportedBy!} maxLength={200} />
				</fieldset>
				<fieldset>
					<legend>{t("indicator.legend.baselineTarget")}</legend>
					{decimal("baselineValue")}
					{year("baselineYear")}
					{decimal("targetValue")}
					{year("targetYear")}
					<SelectField ctx={ctx} form={state} name="better" label={labels.better!} options={betterDirections.map((d) => ({ value: d, label: t(`indicator.better.${d}`) }))} />
				</fieldset>
				<CheckboxGroup ctx={ctx} form={state} name={areasField} legend={labels[areasField]!} options={form.areas} checked={form.chosen} empty={t("indicator.noAreas")} />
			</Form>
		</>
	);
}

/** A Kolada indicator's latest value per municipality with its year, as a table; nothing for an own measure. */
export function LatestValues({ ctx, indicator }: { ctx: PageContext; indicator: IndicatorWithValues }) {
	const { t, lang } = ctx;
	if (indicator.kind !== "kolada") return null;
	if (indicator.latest.length === 0) return <p class="meta">{t("indicator.values.none")}</p>;
	return (
		<TableScroll label={t("indicator.values.caption", { title: indicator.title })}>
			<table>
				<caption>{t("indicator.values.caption", { title: indicator.title })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("indicator.values.municipality")}</th>
						<th scope="col">{t("indicator.values.year")}</th>
						<th scope="col">{indicator.unit ? `${t("indicator.values.value")} (${indicator.unit})` : t("indicator.values.value")}</th>
					</tr>
				</thead>
				<tbody>
					{indicator.latest.map((v) => (
						<tr key={v.municipality}>
							<th scope="row">{v.name ?? (v.municipality === national ? t("indicator.values.national") : v.municipality)}</th>
							<td>{v.year}</td>
							<td>
								{formatNumber(lang, v.value, 2)}
								<RevisedNote ctx={ctx} revised={v.revised} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{indicator.peerGroup && (
				<p class="meta">
					{t("indicator.values.peerGroup", { group: indicator.peerGroup.title })}{" "}
					{t("indicator.values.peerGroupMembers", { members: indicator.peerGroup.memberIds.map((m) => indicator.municipalityNames[m] ?? m).join(", ") })}
				</p>
			)}
		</TableScroll>
	);
}

/** Says, in words rather than by colour, that Kolada revised a value: from what and when. */
export function RevisedNote({ ctx, revised }: { ctx: Pick<PageContext, "lang" | "t">; revised: Revised | undefined }) {
	if (!revised) return null;
	return <small class="meta revised"> ({ctx.t("indicator.values.revised", { from: formatNumber(ctx.lang, revised.from, 2), date: formatDate(ctx.lang, revised.on) })})</small>;
}
