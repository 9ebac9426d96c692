// The follow-up report as downloads: one row per goal for CSV and Excel, and the whole report as an A4 PDF.
import { formatDate, type Lang, type T } from "../../i18n/i18n.js";
import { csvDocument } from "../../lib/csv.js";
import { a4Pdf } from "../../lib/pdf.js";
import type { FollowupReport, ReportGoal } from "./report.service.js";

/** The report as rows: a header, then one row per goal with area, owner, status, progress and account. */
export function reportRows(report: FollowupReport, t: T): string[][] {
	const header = ["focusArea", "owner", "goal", "goalId", "status", "progress", "expected", "latestValue", "latestYear", "override", "overrideReason", "account", "evidence", "ownValue", "ownValueYear", "reportedAt"];
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
					t(`followup.progress.${g.progress.state}`),
					g.progress.expected === null ? "" : String(g.progress.expected),
					latest ? String(latest.value) : "",
					latest ? String(latest.year) : "",
					g.override ? t(`followup.progress.${g.override.state}`) : "",
					g.override?.reason ?? "",
					r?.account ?? "",
					r?.evidence.join(" ") ?? "",
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

/** The report's rows as an Excel workbook with one sheet. */
export async function reportXlsx(report: FollowupReport, t: T): Promise<Buffer> {
	const { default: ExcelJS } = await import("exceljs");
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet(t("followup.title"));
	const [header, ...rows] = reportRows(report, t);
	sheet.addRow(header);
	sheet.getRow(1).font = { bold: true };
	sheet.views = [{ state: "frozen", ySplit: 1 }];
	// Numbers stay numbers so that Excel can sum and chart them; everything else is text, never a formula.
	const numeric = new Set(["expected", "latestValue", "latestYear", "ownValue", "ownValueYear"]);
	for (const row of rows) sheet.addRow(row.map((v, i) => (numeric.has(header![i]!) && v !== "" ? Number(v) : v)));
	sheet.columns.forEach((c) => {
		c.width = 24;
	});
	return Buffer.from(await book.xlsx.writeBuffer());
}

const judged = (t: T, g: ReportGoal) =>
	g.override
		? t("followup.progress.override", { state: t(`followup.progress.${g.override.state}`), computed: t(`followup.progress.${g.progress.state}`), reason: g.override.reason })
		: t(`followup.progress.${g.progress.state}`);

/** The report as an A4 PDF with the same order as the page: areas, owners, goals with status, progress and account. */
export async function reportPdf(report: FollowupReport, t: T, lang: Lang): Promise<Buffer> {
	const { doc, heading, paragraphs, finish } = await a4Pdf(report.round.title, lang);
	doc.font("Helvetica").fontSize(10).text(report.programme.name);
	doc.moveDown().font("Helvetica-Bold").fontSize(16).text(report.round.title);
	doc.font("Helvetica").fontSize(11).text(t("followup.period", { from: formatDate(lang, report.round.periodStart), to: formatDate(lang, report.round.periodEnd) }));
	for (const area of report.areas) {
		heading(area.name, 14);
		for (const owner of area.owners) {
			heading(owner.name, 12);
			for (const g of owner.goals) {
				doc.font("Helvetica-Bold").text(g.title).font("Helvetica");
				doc.text(`${t("followup.report.status")}: ${t(`goal.status.${g.status}`)}`);
				doc.text(`${t("followup.report.progress")}: ${judged(t, g)}`);
				if (g.report) paragraphs(g.report.account);
				else doc.text(t("followup.report.noAccount"));
				for (const link of g.report?.evidence ?? []) doc.fillColor("#1a4f8b").text(link, { link }).fillColor("black");
				doc.moveDown(0.6);
			}
		}
	}
	for (const i of report.indicators) {
		heading(i.title, 12);
		const own = i.series.find((s) => s.municipality === report.programme.municipalityCode) ?? i.series[0];
		for (const p of own?.points ?? []) doc.text(`${p.year}: ${p.value}${i.unit ? ` ${i.unit}` : ""}`);
	}
	return finish();
}
