// Goals as open data: one record shape for the JSON export, the CSV export and the API, with stable ids.
import type { Db } from "../../db/client.js";
import type { Cell, SheetTable } from "../../lib/spreadsheet.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import { getProgramme } from "../programmes/index.js";
import * as repo from "./goals.repo.js";
import type { GoalStatus } from "./goals.schema.js";

/** A goal as open data. */
export type GoalRecord = {
	id: string;
	title: string;
	description: string;
	owner: repo.GoalOwner;
	focusAreas: { id: string; name: string }[];
	unit: string;
	periodStart: string;
	periodEnd: string;
	responsible: string;
	expectedResult: string;
	target: { indicatorId: string; indicator: string; unit: string; value: number | null; year: number | null } | null;
	status: GoalStatus;
	statusChangedOn: string | null;
	parentId: string | null;
	version: number;
	updatedAt: string;
};

function toRecord(r: Awaited<ReturnType<typeof repo.listGoalRecords>>[number]): GoalRecord {
	const g = r.goal;
	return {
		id: g.id,
		title: g.title,
		description: g.description,
		owner: repo.goalOwner({ ...g, organisationName: r.organisationName, initiativeTitle: r.initiativeTitle }),
		focusAreas: r.areas,
		unit: g.unit,
		periodStart: g.periodStart,
		periodEnd: g.periodEnd,
		responsible: g.responsible,
		expectedResult: g.expectedResult,
		target: g.targetIndicatorId
			? { indicatorId: g.targetIndicatorId, indicator: r.indicatorTitle ?? "", unit: r.indicatorUnit ?? "", value: g.targetValue === null ? null : Number(g.targetValue), year: g.targetYear }
			: null,
		status: g.status,
		statusChangedOn: g.statusChangedOn,
		parentId: g.parentId,
		version: g.version,
		updatedAt: g.updatedAt.toISOString(),
	};
}

/** Every goal of the programme as open data, by title. */
export async function goalRecords(db: Db): Promise<GoalRecord[]> {
	const programme = await getProgramme(db);
	return (await repo.listGoalRecords(db, programme.id)).map(toRecord);
}

/** One goal as open data; 404 for an unknown id. */
export async function goalRecord(db: Db, id: string): Promise<GoalRecord> {
	const programme = await getProgramme(db);
	const [row] = isUuid(id) ? await repo.listGoalRecords(db, programme.id, id.toLowerCase()) : [];
	if (!row) throw notFound();
	return toRecord(row);
}

const csvColumns = [
	"id",
	"title",
	"ownerType",
	"ownerId",
	"owner",
	"focusAreaIds",
	"focusAreas",
	"unit",
	"periodStart",
	"periodEnd",
	"responsible",
	"expectedResult",
	"targetIndicatorId",
	"targetIndicator",
	"targetValue",
	"targetUnit",
	"targetYear",
	"status",
	"statusChangedOn",
	"parentId",
	"version",
	"updatedAt",
	"description",
];

/** The goals as one table with the same fields as the JSON (areas joined by " | "), for the CSV and .xlsx downloads. */
export function goalsTable(records: GoalRecord[], name: string): SheetTable {
	const rows = records.map((g): Cell[] => [
		g.id,
		g.title,
		g.owner.type,
		g.owner.id,
		g.owner.name,
		g.focusAreas.map((a) => a.id).join(" | "),
		g.focusAreas.map((a) => a.name).join(" | "),
		g.unit,
		g.periodStart,
		g.periodEnd,
		g.responsible,
		g.expectedResult,
		g.target?.indicatorId ?? "",
		g.target?.indicator ?? "",
		g.target?.value ?? null,
		g.target?.unit ?? "",
		g.target?.year ?? null,
		g.status,
		g.statusChangedOn ?? "",
		g.parentId ?? "",
		g.version,
		g.updatedAt,
		g.description,
	]);
	return { name, header: csvColumns, rows };
}
