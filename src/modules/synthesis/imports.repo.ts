import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { inputsTable as inputs } from "../inputs/index.js";
import type { PreparedRow } from "./imports.rows.js";
import { importedInputs, inputImports } from "./synthesis.schema.js";

/** An import as stored. */
export type InputImport = typeof inputImports.$inferSelect;

/** Records an uploaded file for its mapping. */
export async function insertImport(db: Db, values: typeof inputImports.$inferInsert): Promise<InputImport> {
	const [row] = await db.insert(inputImports).values(values).returning();
	return row!;
}

/** An import by id. */
export async function findImport(db: Db, id: string): Promise<InputImport | undefined> {
	const [row] = await db.select().from(inputImports).where(eq(inputImports.id, id));
	return row;
}

/** The imports, newest first, without their files. */
export async function listImports(db: Db) {
	return db
		.select({ id: inputImports.id, fileName: inputImports.fileName, status: inputImports.status, added: inputImports.added, totalRows: inputImports.totalRows, createdAt: inputImports.createdAt })
		.from(inputImports)
		.orderBy(desc(inputImports.createdAt))
		.limit(50);
}

/** Changes an import's status, counts or mapping. */
export async function updateImport(db: Db, id: string, values: Partial<typeof inputImports.$inferInsert>): Promise<void> {
	await db.update(inputImports).set(values).where(eq(inputImports.id, id));
}

/** How many of these imported source ids are in the pool already. */
export async function countExisting(tx: Db, sourceIds: string[]): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(inputs)
		.where(and(eq(inputs.source, "import"), inArray(inputs.sourceId, sourceIds)));
	return Number(row?.n ?? 0);
}

/** Records which import, row, question and respondent each imported input came from (the latest import wins). */
export async function recordOrigins(tx: Db, importId: string, rows: PreparedRow[]): Promise<void> {
	const ids = await tx
		.select({ id: inputs.id, sourceId: inputs.sourceId })
		.from(inputs)
		.where(
			and(
				eq(inputs.source, "import"),
				inArray(
					inputs.sourceId,
					rows.map((r) => r.sourceId),
				),
			),
		);
	const idOf = new Map(ids.map((r) => [r.sourceId, r.id]));
	await tx
		.insert(importedInputs)
		.values(rows.map((r) => ({ inputId: idOf.get(r.sourceId)!, importId, row: r.row, question: r.question, respondent: r.respondent })))
		.onConflictDoUpdate({
			target: importedInputs.inputId,
			set: { importId: sql`excluded.import_id`, row: sql`excluded.row`, question: sql`excluded.question`, respondent: sql`excluded.respondent` },
		});
}
