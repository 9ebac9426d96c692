import type { Db } from "../../db/client.js";
import type { SheetTable } from "../../lib/spreadsheet.js";
import type { Viewer } from "../../ui/context.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { type InputQuery, inputQuery } from "./inputs.input.js";
import { actorOf } from "../programmes/index.js";
import { authorize } from "./inputs.policy.js";
import * as repo from "./inputs.repo.js";

/** How many inputs the list page shows at most; the exports hold them all. */
const pageSize = 200;

/** The coordinator's list: search, filters and the first page of matching inputs. */
export async function inputsPage(db: Db, viewer: Viewer | null, rawQuery: unknown) {
	authorize(await actorOf(db, viewer), "readPool");
	const query = inputQuery.parse(rawQuery ?? {});
	const [rows, total, localities, focusAreas] = await Promise.all([
		repo.searchInputs(db, query, pageSize),
		repo.countInputs(db, query),
		repo.inputLocalities(db),
		focusAreaChoices(db),
	]);
	return { query, rows, total, localities, focusAreas };
}

/** Every input matching the search and filters, for export. */
export async function exportInputs(db: Db, viewer: Viewer | null, rawQuery: unknown): Promise<{ query: InputQuery; rows: Awaited<ReturnType<typeof repo.searchInputs>> }> {
	authorize(await actorOf(db, viewer), "readPool");
	const query = inputQuery.parse(rawQuery ?? {});
	return { query, rows: await repo.searchInputs(db, query) };
}

const columns = ["id", "source", "sourceId", "occurredOn", "locality", "ageBand", "focusArea", "hidden", "text"];

/** Every input matching the search and filters as a table to download, and whether CSV was asked with semicolons. */
export async function inputsTable(db: Db, viewer: Viewer | null, rawQuery: unknown): Promise<{ semicolon: boolean; table: SheetTable }> {
	const { query, rows } = await exportInputs(db, viewer, rawQuery);
	const lines = rows.map((r) => [r.id, r.source, r.sourceId, r.occurredOn, r.locality ?? "", r.ageBand ?? "", r.focusAreaName ?? "", r.hidden ? "true" : "false", r.text]);
	return { semicolon: query.sep === "semicolon", table: { name: "inspel", header: columns, rows: lines } };
}
