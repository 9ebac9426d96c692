import type { Db } from "../../db/client.js";
import { csvDocument } from "../../lib/csv.js";
import type { Viewer } from "../../ui/context.js";
import { focusAreaChoices } from "../focus-areas/index.js";
import { requireCoordinator } from "../programmes/index.js";
import { type InputQuery, inputQuery } from "./inputs.input.js";
import * as repo from "./inputs.repo.js";

// The pool mixes public texts (ideas, comments, workshop notes) with survey answers, which are not public:
// so the pool's list, search, export and API are for coordinators only.

/** How many inputs the list page shows at most; the exports hold them all. */
const pageSize = 200;

/** The coordinator's list: search, filters and the first page of matching inputs. */
export async function inputsPage(db: Db, viewer: Viewer | null, rawQuery: unknown) {
	await requireCoordinator(db, viewer);
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
	await requireCoordinator(db, viewer);
	const query = inputQuery.parse(rawQuery ?? {});
	return { query, rows: await repo.searchInputs(db, query) };
}

const csvColumns = ["id", "source", "sourceId", "occurredOn", "locality", "ageBand", "focusArea", "hidden", "text"] as const;

/** Every input matching the search and filters as CSV: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), comma- or semicolon-separated as asked, CRLF rows. */
export async function inputsCsv(db: Db, viewer: Viewer | null, rawQuery: unknown): Promise<string> {
	const { query, rows } = await exportInputs(db, viewer, rawQuery);
	const lines = rows.map((r) => [r.id, r.source, r.sourceId, r.occurredOn, r.locality ?? "", r.ageBand ?? "", r.focusAreaName ?? "", r.hidden ? "true" : "false", r.text]);
	return csvDocument([[...csvColumns], ...lines], query.sep === "semicolon" ? ";" : ",");
}
