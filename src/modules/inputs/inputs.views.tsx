import { formatDate, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { SelectField, TextField } from "../../ui/form.js";
import { formState } from "../../ui/forms.js";
import { inputSources } from "./inputs.schema.js";
import type { inputsPage } from "./inputs.service.js";
import { Downloads, PageHelp } from "../../ui/components.js";

type Data = Awaited<ReturnType<typeof inputsPage>>;

/** The coordinator's pool of inputs: search, filters, exports and the matching inputs. */
export function InputsPage({ ctx, data }: { ctx: PageContext; data: Data }) {
	const { t, lang } = ctx;
	const { query } = data;
	const form = formState({ q: query.q ?? "", source: query.source ?? "", locality: query.locality ?? "", focusAreaId: query.focusAreaId ?? "" });
	const params = new URLSearchParams(Object.entries(form.values).filter(([, v]) => v));
	const withParams = (extra: Record<string, string> = {}) => {
		const p = new URLSearchParams(params);
		for (const [k, v] of Object.entries(extra)) p.set(k, v);
		const s = p.toString();
		return s ? `?${s}` : "";
	};
	return (
		<>
			<h1>{t("input.title")}</h1>
			<PageHelp ctx={ctx} page="inputs" />
			<p>{t("input.intro")}</p>
			<form method="get" action="/admin/inspel" class="filters">
				<TextField ctx={ctx} form={form} name="q" label={t("input.field.q")} hint={t("input.field.q.hint")} />
				<SelectField ctx={ctx} form={form} name="source" label={t("input.field.source")} options={inputSources.map((s) => ({ value: s, label: t(`input.source.${s}`) }))} />
				<SelectField ctx={ctx} form={form} name="locality" label={t("input.field.locality")} options={data.localities.map((l) => ({ value: l, label: l }))} />
				<SelectField ctx={ctx} form={form} name="focusAreaId" label={t("input.field.focusArea")} options={data.focusAreas.map((a) => ({ value: a.id, label: a.name }))} />
				<button type="submit">{t("input.search")}</button>
			</form>
			<p role="status">{t("input.count", { n: formatNumber(lang, data.total), shown: formatNumber(lang, data.rows.length) })}</p>
			<Downloads ctx={ctx} xlsx={`/admin/inspel.xlsx${withParams()}`} csvExcel={`/admin/inspel.csv${withParams({ sep: "semicolon" })}`} csv={`/admin/inspel.csv${withParams()}`} />
			<p>
				<a href={`/api/v1/inputs${withParams()}`}>{t("input.export.json")}</a>
			</p>
			{data.rows.length > 0 && (
				<table>
					<caption>{t("input.table")}</caption>
					<thead>
						<tr>
							<th scope="col">{t("input.col.text")}</th>
							<th scope="col">{t("input.field.source")}</th>
							<th scope="col">{t("input.col.date")}</th>
							<th scope="col">{t("input.field.locality")}</th>
							<th scope="col">{t("input.col.ageBand")}</th>
							<th scope="col">{t("input.field.focusArea")}</th>
							<th scope="col">{t("input.col.id")}</th>
						</tr>
					</thead>
					<tbody>
						{data.rows.map((r) => (
							<tr key={r.id}>
								<td>
									{r.text}
									{r.hidden && <strong class="tag"> {t("input.hidden")}</strong>}
								</td>
								<td>{t(`input.source.${r.source}`)}</td>
								<td>{formatDate(lang, r.occurredOn)}</td>
								<td>{r.locality ?? "–"}</td>
								<td>{r.ageBand ?? "–"}</td>
								<td>{r.focusAreaName ?? "–"}</td>
								<td>
									<code>{r.id}</code>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</>
	);
}
