// The committed migrations and the schema files drizzle.config.ts names describe one schema: a database migrated from them is the one drizzle
// would make from the schema, and drizzle-kit has nothing new to generate.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { testDatabase } from "../../test/helpers.js";
import { projectRoot } from "../paths.js";
import config from "../../drizzle.config.js";

const migrations = join(projectRoot, "src", "db", "migrations");
// Every table drizzle-kit sees: the exports of the schema files drizzle.config.ts names.
const schemaFiles = [config.schema ?? []].flat();
const schema: Record<string, unknown> = Object.assign({}, ...(await Promise.all(schemaFiles.map((file) => import(join(projectRoot, file))))));

test("drizzle-kit generate finds nothing new: the last snapshot is the schema", async () => {
	const journal = JSON.parse(readFileSync(join(migrations, "meta", "_journal.json"), "utf8")) as { entries: { idx: number }[] };
	const last = journal.entries.at(-1)?.idx ?? 0;
	const snapshot = JSON.parse(readFileSync(join(migrations, "meta", `${String(last).padStart(4, "0")}_snapshot.json`), "utf8"));
	const statements = await generateMigration(snapshot, generateDrizzleJson(schema));
	assert.deepEqual(statements, []);
});

type SnapshotTable = {
	name: string;
	columns: Record<string, { name: string; type: string; notNull: boolean; primaryKey: boolean }>;
	indexes: Record<string, unknown>;
	foreignKeys: Record<string, unknown>;
	compositePrimaryKeys: Record<string, unknown>;
	uniqueConstraints: Record<string, unknown>;
	checkConstraints: Record<string, unknown>;
};

/** Every column (with its type and nullability), constraint and index that drizzle's schema has, as lines. */
function drizzleSchemaLines(): string[] {
	const lines: string[] = [];
	const tables = generateDrizzleJson(schema).tables as Record<string, SnapshotTable>;
	for (const table of Object.values(tables)) {
		for (const c of Object.values(table.columns)) {
			lines.push(`${table.name}.${c.name} ${c.type}${c.notNull ? " not null" : ""}`);
			if (c.primaryKey) lines.push(`${table.name} constraint ${table.name}_pkey`);
		}
		const named = [table.foreignKeys, table.compositePrimaryKeys, table.uniqueConstraints, table.checkConstraints];
		for (const group of named) for (const name of Object.keys(group)) lines.push(`${table.name} constraint ${name}`);
		for (const name of Object.keys(table.indexes)) lines.push(`${table.name} index ${name}`);
	}
	return lines.sort();
}

test("a migrated database has drizzle's columns, constraints and indexes, and no others", async () => {
	const { db } = await testDatabase();
	const rows = async (query: string) => ((await db.execute(query)) as unknown as { rows: { line: string }[] }).rows.map((r) => r.line);
	const columns = await rows(`select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
		|| case when a.attnotnull then ' not null' else '' end as line
		from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`);
	const constraints = await rows(`select c.relname || ' constraint ' || k.conname as line from pg_constraint k
		join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and k.contype in ('p', 'f', 'u', 'c')`);
	const indexes = await rows(`select tablename || ' index ' || indexname as line from pg_indexes i where schemaname = 'public'
		and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`);
	assert.deepEqual([...columns, ...constraints, ...indexes].sort(), drizzleSchemaLines());
});

test("the ballot function the migrations add by hand is there", async () => {
	const { db } = await testDatabase();
	const result = (await db.execute("select proname from pg_proc where proname = 'vote_cast_ballot'")) as unknown as { rows: unknown[] };
	assert.equal(result.rows.length, 1);
});
