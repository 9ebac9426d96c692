// The follow-up report as downloads: one row per goal for CSV and Excel, and the whole report as an A4 PDF.
import { formatDate, type Lang, type T } from "../../i18n/i18n.js";
import { csvDocument } from "../../lib/csv.js";
import { tablesXlsx } from "../../lib/spreadsheet.js";
import { a4Pdf } from "../../lib/pdf.js";
import type { FollowupReport, ReportGoal } from "./report.service.js";

/** The report as rows: a header, then one row per goal with area, owner, status, progress and account. */
export function reportRows(report: FollowupReport, t: T): string[][] {
	const header = ["focusArea", "owner", "goal", "goalId", "status", "progress", "expected", "latestValue", "latestYear", "override", "overrideReason", "account", "evidence", "files", "ownValue", "ownValueYear", "reportedAt"];
	const rows = report.areas.flatMap((a) =>
		a.owners.flatMap((o) =>
			o.goals.map((g) => {
				const r = g.report;
				const latest = g.progress.input.latest;
				return [
					a.name,
					o.name,
					g.title,
					g.id,
					t(`goal.status.${g.status}`),
					t(`indicator.progress.${g.progress.state}`),
					g.progress.expected === null ? "" : String(g.progress.expected),
					latest ? String(latest.value) : "",
					latest ? String(latest.year) : "",
					g.override ? t(`indicator.progress.${g.override.state}`) : "",
					g.override?.reason ?? "",
					r?.account ?? "",
					r?.evidence.join(" ") ?? "",
					(r?.files ?? []).map((f) => f.fileName).join(" | "),
					r?.ownValue ? String(r.ownValue.value) : "",
					r?.ownValue ? String(r.ownValue.year) : "",
					r?.reportedAt ?? "",
				];
			}),
		),
	);
	return [header, ...rows];
}

/** CSV for Swedish Excel (semicolon) or for other tools (comma). */
export function reportCsv(report: FollowupReport, t: T, sep: "," | ";"): string {
	return csvDocument(reportRows(report, t), sep);
}

/** The report's rows as an Excel workbook with one sheet; numbers stay numbers so that Excel can sum and chart them. */
export function reportXlsx(report: FollowupReport, t: T): Promise<Buffer> {
	const [header, ...rows] = reportRows(report, t) as [string[], ...string[][]];
	const numeric = new Set(["expected", "latestValue", "latestYear", "ownValue", "ownValueYear"]);
	return tablesXlsx([{ name: t("followup.title"), header, rows: rows.map((row) => row.map((v, i) => (numeric.has(header[i]!) && v !== "" ? Number(v) : v))) }]);
}

const judged = (t: T, g: ReportGoal) =>
	g.override
		? t("followup.progress.override", { state: t(`indicator.progress.${g.override.state}`), computed: t(`indicator.progress.${g.progress.state}`), reason: g.override.reason })
		: t(`indicator.progress.${g.progress.state}`);

/** The report as an A4 PDF with the same order as the page: areas, owners, goals with status, progress and account. */
export async function reportPdf(report: FollowupReport, t: T, lang: Lang): Promise<Buffer> {
	const { doc, text, title, heading, paragraphs, list, finish } = await a4Pdf(report.round.title, lang);
	doc.fontSize(10);
	text(report.programme.name);
	doc.moveDown();
	title(report.round.title);
	text(t("followup.period", { from: formatDate(lang, report.round.periodStart), to: formatDate(lang, report.round.periodEnd) }));
	for (const area of report.areas) {
		heading(area.name, 14, 2);
		for (const owner of area.owners) {
			heading(owner.name, 12, 3);
			for (const g of owner.goals) {
				heading(g.title, 11, 4);
				text(`${t("followup.report.status")}: ${t(`goal.status.${g.status}`)}`);
				text(`${t("followup.report.progress")}: ${judged(t, g)}`);
				if (g.report) paragraphs(g.report.account);
				else text(t("followup.report.noAccount"));
				// Files are downloaded from the web page; the PDF names them.
				for (const f of g.report?.files ?? []) text(`${t("followup.field.file")}: ${f.fileName}`);
				for (const link of g.report?.evidence ?? []) {
					doc.fillColor("#1a4f8b");
					text(link, { link });
					doc.fillColor("black");
				}
				doc.moveDown(0.6);
			}
		}
	}
	for (const i of report.indicators) {
		heading(i.title, 12, 2);
		const own = i.series.find((s) => s.municipality === report.programme.municipalityCode) ?? i.series[0];
		const revised = (p: { revised?: { from: number; on: string } }) => (p.revised ? ` (${t("indicator.values.revised", { from: String(p.revised.from), date: formatDate(lang, p.revised.on) })})` : "");
		list((own?.points ?? []).map((p) => `${p.year}: ${p.value}${i.unit ? ` ${i.unit}` : ""}${revised(p)}`));
	}
	return finish();
}
