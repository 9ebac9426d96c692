import { customType } from "drizzle-orm/pg-core";

/** A PostgreSQL full-text search vector column (filled by a generated expression). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
