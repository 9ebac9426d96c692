import { inBackground } from "../../lib/background.js";
import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import { todayInSweden } from "../../i18n/i18n.js";
import { isUuid } from "../../lib/ids.js";
import { notFound } from "../../plugins/http-errors.js";
import { isUploadedFile } from "../../plugins/uploads.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, withError } from "../../ui/forms.js";
import { msg } from "../../ui/messages.js";
import { addInputs } from "../inputs/index.js";
import { importRoles, type Mapping, mappingFromSpec, prepareRows } from "./imports.rows.js";
import * as repo from "./imports.repo.js";
import { authorize } from "./synthesis.policy.js";
import { readTable, TableError } from "./synthesis.table.js";

/** The largest export an analyst may upload (50 000 answers fit well within it). */
export const maxImportBytes = 32 * 1024 * 1024;
/** Rows stored per statement while saving an import. */
const chunkSize = 2000;
/** How many row problems an import keeps to show (the count says how many there were). */
const errorsKept = 100;
const previewRows = 5;

// Progress of the imports this process is saving, for the progress page (the database holds the status).
const progress = new Map<string, number>();

/** The upload form's state: nothing typed to keep, only the file's error. */
function fileError(key: string, params?: Record<string, string | number>): { ok: false; state: FormState } {
	return { ok: false, state: withError(formState(), "file", msg(key, params)) };
}

/** The upload form and the imports made so far. */
export async function importsPage(db: Db, viewer: Viewer | null) {
	await authorize(db, viewer, "analyse");
	return repo.listImports(db);
}

/** Reads an uploaded CSV or .xlsx file and keeps it for the mapping; a file that cannot be read is refused with why. */
export async function uploadFile(db: Db, viewer: Viewer | null, body: unknown): Promise<{ ok: true; id: string } | { ok: false; state: FormState }> {
	const by = await authorize(db, viewer, "analyse");
	const file = (body as Record<string, unknown> | undefined)?.file;
	if (!isUploadedFile(file) || file.data.length === 0) return fileError("synthesis.import.error.noFile");
	if (file.tooLarge) return fileError("synthesis.import.error.tooLarge");
	const read = await readUpload(file.data, file.fileName);
	if (!read.ok) return fileError(read.key, read.params);
	const created = await repo.insertImport(db, {
		fileName: file.fileName,
		fileHash: createHash("sha256").update(file.data).digest("hex"),
		data: file.data,
		headers: read.table.headers,
		preview: read.table.rows.slice(0, previewRows).map((r) => r.cells),
		totalRows: read.table.rows.length,
		status: "preview",
		importedBy: by.id,
	});
	return { ok: true, id: created.id };
}

async function readUpload(data: Buffer, fileName: string) {
	try {
		return { ok: true as const, table: await readTable(data, fileName) };
	} catch (err) {
		if (err instanceof TableError) return { ok: false as const, key: err.key, params: err.params };
		throw err;
	}
}

/** One import: its columns and first rows for the mapping, its progress, or its outcome. */
export async function importPage(db: Db, viewer: Viewer | null, id: string) {
	await authorize(db, viewer, "analyse");
	const found = isUuid(id) ? await repo.findImport(db, id) : undefined;
	if (!found) throw notFound();
	const { data: _file, ...record } = found;
	return { ...record, savedRows: progress.get(id) ?? null };
}

/** The mapping chosen in the form: a column index per role; the free text is required. */
function mappingFromForm(body: unknown, headers: string[]): Mapping | null {
	const values = (body ?? {}) as Record<string, unknown>;
	const mapping: Partial<Mapping> = {};
	for (const role of importRoles) {
		const index = Number(values[role]);
		if (values[role] !== "" && values[role] !== undefined && Number.isInteger(index) && index >= 0 && index < headers.length) mapping[role] = index;
	}
	return mapping.text === undefined ? null : (mapping as Mapping);
}

/** Starts importing with the chosen mapping, in the background; the page shows the progress. */
export async function startImport(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<{ ok: true } | { ok: false; state: FormState }> {
	const record = await importPage(db, viewer, id);
	const mapping = mappingFromForm(body, record.headers);
	if (!mapping) return { ok: false, state: withError(formState(body as Record<string, unknown>), "text", "synthesis.import.error.noText") };
	if (record.status !== "preview" && record.status !== "failed") return { ok: true };
	await repo.updateImport(db, id, { mapping, status: "reading", errors: [], errorCount: 0 });
	inBackground(
		() => runImport(db, id),
		() => repo.updateImport(db, id, { status: "failed", errors: [{ row: 0, key: "synthesis.import.error.unexpected" }], errorCount: 1 }),
	);
	return { ok: true };
}

/** The outcome of an import. */
export type ImportOutcome = { ok: true; added: number; updated: number; skipped: number } | { ok: false; errors: repo.InputImport["errors"]; errorCount: number };

/**
 * Imports a recorded file with its mapping: every row is checked first, and a file with any bad row stores nothing
 * and keeps the rows and reasons; the rows are then saved in one transaction. `onSaved` hears how many rows are saved.
 */
export async function runImport(db: Db, id: string, onSaved?: (done: number, total: number) => void): Promise<ImportOutcome> {
	const record = (await repo.findImport(db, id))!;
	const table = await readTable(record.data!, record.fileName);
	const prepared = prepareRows(table, record.mapping as Mapping, record.fileHash, todayInSweden());
	if (prepared.errors.length > 0) {
		const outcome = { ok: false as const, errors: prepared.errors.slice(0, errorsKept), errorCount: prepared.errors.length };
		await repo.updateImport(db, id, { status: "failed", errors: outcome.errors, errorCount: outcome.errorCount, finishedAt: new Date() });
		return outcome;
	}
	await repo.updateImport(db, id, { status: "saving", totalRows: prepared.rows.length, skipped: prepared.skipped });
	const updated = await db.transaction(async (tx) => {
		let existing = 0;
		for (let start = 0; start < prepared.rows.length; start += chunkSize) {
			const chunk = prepared.rows.slice(start, start + chunkSize);
			existing += await repo.countExisting(
				tx,
				chunk.map((r) => r.sourceId),
			);
			await addInputs(
				tx,
				chunk.map((r) => ({ source: "import", sourceId: r.sourceId, text: r.text, occurredOn: r.occurredOn, locality: r.locality, ageBand: r.ageBand })),
			);
			await repo.recordOrigins(tx, id, chunk);
			const done = Math.min(start + chunkSize, prepared.rows.length);
			progress.set(id, done);
			onSaved?.(done, prepared.rows.length);
		}
		return existing;
	});
	progress.delete(id);
	const added = prepared.rows.length - updated;
	await repo.updateImport(db, id, { status: "done", added, doneRows: prepared.rows.length, data: null, finishedAt: new Date() });
	return { ok: true, added, updated, skipped: prepared.skipped };
}

/** Records a file read from disk, with a mapping written `text=Svar,locality=Ort`, for an import from the command line (no person: the operator runs it). */
export async function recordFileImport(db: Db, data: Buffer, fileName: string, spec: string): Promise<string> {
	const table = await readTable(data, fileName);
	const mapping = mappingFromSpec(table.headers, spec);
	const created = await repo.insertImport(db, {
		fileName,
		fileHash: createHash("sha256").update(data).digest("hex"),
		data,
		headers: table.headers,
		preview: table.rows.slice(0, previewRows).map((r) => r.cells),
		totalRows: table.rows.length,
		mapping,
		status: "reading",
	});
	return created.id;
}
