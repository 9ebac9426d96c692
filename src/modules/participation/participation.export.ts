// The coordinator's participation figures as downloads: the same tables as the page, one sheet each.
import type { T } from "../../i18n/i18n.js";
import type { SheetTable } from "../../lib/spreadsheet.js";
import type { BreakdownRow, coordinatorParticipation } from "./participation.service.js";

type Data = Awaited<ReturnType<typeof coordinatorParticipation>>;

/** Totals, each activity, localities, age bands and months, headed as on the page. */
export function participationTables(t: T, data: Data): SheetTable[] {
	const col = (key: string) => t(`participation.col.${key}`);
	const way = (key: string) => t(`participation.way.${key}`);
	const breakdown = (name: string, rows: BreakdownRow[]): SheetTable => ({
		name,
		header: [name, col("surveyAnswers"), col("workshopHeadcount"), col("total")],
		rows: rows.map((r) => [r.label, r.surveys, r.workshops, r.total]),
	});
	const { totals } = data;
	return [
		{
			name: t("participation.totals"),
			header: [col("way"), col("count")],
			rows: [
				[way("signedIn"), totals.signedIn],
				[way("anonymous"), totals.anonymous],
				[way("paper"), totals.paper],
				[way("headcount"), totals.headcount],
				[way("total"), totals.total],
			],
		},
		{
			name: t("participation.perActivity"),
			header: [col("activity"), way("signedIn"), way("anonymous"), way("paper"), way("headcount"), col("registered"), col("total")],
			rows: data.activities.map((a) => [
				a.kind === "ideas" ? t("participation.activity.ideas") : t(`participation.activity.${a.kind}`, { title: a.title }),
				a.signedIn,
				a.anonymous,
				a.paper,
				a.headcount,
				a.registered,
				a.total,
			]),
		},
		breakdown(t("participation.byLocality"), data.byLocality),
		breakdown(t("participation.byAgeBand"), data.byAgeBand),
		{
			name: t("participation.monthsCaption"),
			header: [col("month"), col("surveyAnswers"), col("workshopHeadcount"), col("ideaPeople"), col("total")],
			rows: data.months.map((m) => [m.month, m.surveys, m.workshops, m.ideas, m.total]),
		},
	];
}
