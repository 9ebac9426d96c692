import { TableScroll } from "../../ui/components.js";
import { formatDateTime, formatNumber } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, FileField, SelectField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import { type ImportRole, importRoles } from "./imports.rows.js";
import type { importPage, importsPage } from "./imports.service.js";

type Imports = Awaited<ReturnType<typeof importsPage>>;
type ImportData = Awaited<ReturnType<typeof importPage>>;

const empty = formState();

// Header words that suggest what a column holds, for a first guess at the mapping.
const guesses: Record<ImportRole, RegExp> = {
	text: /svar|fritext|kommentar|text|answer|response/i,
	question: /fråga|question/i,
	locality: /^ort|by$|bostadsort|locality|place|village/i,
	ageBand: /ålder|age/i,
	date: /datum|date|tid|time/i,
	respondent: /respondent|svarande|^id$/i,
};

/** A first guess at the mapping from the header; the free text, when no header names it, is the column with the longest texts. */
function guessMapping(headers: string[], preview: string[][]): Record<string, string> {
	const taken = new Set<number>();
	const values: Record<string, string> = {};
	for (const role of importRoles) {
		const index = headers.findIndex((h, i) => !taken.has(i) && guesses[role].test(h));
		if (index >= 0) {
			taken.add(index);
			values[role] = String(index);
		}
	}
	if (!values.text) {
		const length = (i: number) => preview.reduce((sum, cells) => sum + (cells[i]?.length ?? 0), 0);
		const free = headers.map((_, i) => i).filter((i) => !taken.has(i));
		if (free.length > 0) values.text = String(free.reduce((best, i) => (length(i) > length(best) ? i : best)));
	}
	return values;
}

/** The upload form (CSV or .xlsx) and the imports made so far. */
export function ImportsPage({ ctx, imports, form = empty }: { ctx: PageContext; imports: Imports; form?: FormState }) {
	const { t, lang } = ctx;
	return (
		<>
			<p>
				<a href="/analys">{t("synthesis.theme.back")}</a>
			</p>
			<h1>{t("synthesis.import.title")}</h1>
			<p>{t("synthesis.import.intro")}</p>
			<form method="post" action="/analys/import" enctype="multipart/form-data" novalidate>
				<input type="hidden" name="_csrf" value={ctx.csrfToken} />
				<ErrorSummary ctx={ctx} form={form} labels={{ file: t("synthesis.import.file") }} />
				<FileField ctx={ctx} form={form} name="file" label={t("synthesis.import.file")} hint={t("synthesis.import.file.hint")} accept=".csv,.txt,.xlsx" required />
				<button type="submit">{t("synthesis.import.upload")}</button>
			</form>
			{imports.length > 0 && (
				<TableScroll label={t("synthesis.import.earlier")}>
					<table>
						<caption>{t("synthesis.import.earlier")}</caption>
						<thead>
							<tr>
								<th scope="col">{t("synthesis.import.file")}</th>
								<th scope="col">{t("synthesis.import.status")}</th>
								<th scope="col">{t("synthesis.import.added")}</th>
								<th scope="col">{t("synthesis.col.at")}</th>
							</tr>
						</thead>
						<tbody>
							{imports.map((i) => (
								<tr key={i.id}>
									<th scope="row">
										<a href={`/analys/import/${i.id}`}>{i.fileName}</a>
									</th>
									<td>{t(`synthesis.import.status.${i.status}`)}</td>
									<td>{i.status === "done" ? formatNumber(lang, i.added) : "–"}</td>
									<td>{formatDateTime(lang, i.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</TableScroll>
			)}
		</>
	);
}

/** One import: the mapping of columns over a preview of the first rows, its progress, or its outcome. */
export function ImportPage({ ctx, data, form }: { ctx: PageContext; data: ImportData; form?: FormState }) {
	const { t, lang } = ctx;
	const mappingForm = form ?? formState(data.mapping ? Object.fromEntries(Object.entries(data.mapping).map(([k, v]) => [k, String(v)])) : guessMapping(data.headers, data.preview));
	const columns = data.headers.map((h, i) => ({ value: String(i), label: h || t("synthesis.import.column", { n: i + 1 }) }));
	const working = data.status === "reading" || data.status === "saving";
	return (
		<>
			<p>
				<a href="/analys/import">{t("synthesis.import.back")}</a>
			</p>
			<h1>{t("synthesis.import.of", { file: data.fileName })}</h1>
			{/* While the rows are read and saved the region refreshes itself (public/refresh.js); without JavaScript a link reloads. */}
			<div id="import-run" data-refresh={working ? "2" : undefined}>
				<p role="status">
					{t(`synthesis.import.status.${data.status}`)}
					{data.status === "done" && ` ${t("synthesis.import.done", { added: formatNumber(lang, data.added), rows: formatNumber(lang, data.doneRows), skipped: formatNumber(lang, data.skipped) })}`}
				</p>
				{working && (
					<p>
						<progress max={data.totalRows} value={data.savedRows ?? undefined}>
							{data.savedRows ?? 0} / {data.totalRows}
						</progress>{" "}
						{t("synthesis.import.progress", { done: formatNumber(lang, data.savedRows ?? 0), total: formatNumber(lang, data.totalRows) })} <a href={`/analys/import/${data.id}`}>{t("synthesis.import.reload")}</a>
					</p>
				)}
				{data.status === "done" && (
					<p>
						<a href="/analys/inspel?source=import">{t("synthesis.import.toInputs")}</a>
					</p>
				)}
				{data.status === "failed" && (
					<section aria-labelledby="import-errors">
						<h2 id="import-errors">{t("synthesis.import.errors", { n: formatNumber(lang, data.errorCount) })}</h2>
						<p>{t("synthesis.import.nothingStored")}</p>
						<ul>
							{data.errors.map((e) => (
								<li key={`${e.row}-${e.key}`}>
									{e.row > 0 && `${t("synthesis.import.row", { row: e.row })}: `}
									{t(e.key, e.params)}
								</li>
							))}
						</ul>
					</section>
				)}
				{(data.status === "preview" || data.status === "failed") && (
					<>
						<h2>{t("synthesis.import.mapping")}</h2>
						<p>{t("synthesis.import.mapping.intro", { rows: formatNumber(lang, data.totalRows) })}</p>
						<TableScroll label={t("synthesis.import.preview")}>
							<table>
								<caption>{t("synthesis.import.preview")}</caption>
								<thead>
									<tr>
										{columns.map((c) => (
											<th key={c.value} scope="col">
												{c.label}
											</th>
										))}
									</tr>
								</thead>
								<tbody>
									{data.preview.map((cells, r) => (
										<tr key={r}>
											{columns.map((c) => (
												<td key={c.value}>{cells[Number(c.value)] ?? ""}</td>
											))}
										</tr>
									))}
								</tbody>
							</table>
						</TableScroll>
						<form method="post" action={`/analys/import/${data.id}`} novalidate>
							<input type="hidden" name="_csrf" value={ctx.csrfToken} />
							<ErrorSummary ctx={ctx} form={mappingForm} labels={{ text: t("synthesis.import.role.text") }} />
							{importRoles.map((role) => (
								<SelectField key={role} ctx={ctx} form={mappingForm} name={role} label={t(`synthesis.import.role.${role}`)} required={role === "text"} options={columns} />
							))}
							<button type="submit">{t("synthesis.import.start")}</button>
						</form>
					</>
				)}
			</div>
			{working && <script src="/static/refresh.js" defer />}
		</>
	);
}
