import { customType } from "drizzle-orm/pg-core";

/** A PostgreSQL full-text search vector column (filled by a generated expression). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Bytea for uploaded files kept with the record they belong to. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => "bytea",
	fromDriver: (v) => Buffer.from(v),
});
