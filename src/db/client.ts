// The one place that knows which database driver runs: PGlite (embedded, default) or PostgreSQL.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { projectRoot } from "../paths.js";

/** The database handle every repo and service works with, whatever the driver. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** An open database with what the process needs to manage it. */
export type Database = {
	db: Db;
	kind: "pglite" | "postgres";
	/** Applies the committed migrations that have not run yet. */
	migrate(): Promise<void>;
	/** Cheap round trip, for health checks. */
	ping(): Promise<void>;
	/** Tells who logs that the server ended an idle connection (a restart, a fail-over); the pool opens new ones as needed. */
	onConnectionLost(listener: (reason: string) => void): void;
	close(): Promise<void>;
};

const migrationsFolder = join(projectRoot, "src", "db", "migrations");

// Drizzle hands PGlite these pass-through parsers (dates, times and intervals stay text) with every query, and PGlite
// then copies its whole table of ~300 parsers per query: a tenth of a busy embedded server's time. Given to the
// client once, they need not travel with each query.
const passThrough = (value: string) => value;
const drizzleParsers = Object.fromEntries(
	[types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, passThrough]),
);

type Queryable = { query: (...args: never[]) => unknown };

/** A member of a proxied driver object; drivers keep their state in private fields, so methods must run on the object itself. */
function ownMember(target: object, prop: string | symbol): unknown {
	const value = Reflect.get(target, prop, target);
	return typeof value === "function" ? value.bind(target) : value;
}

/** The client (or a transaction of it) as drizzle sees it: queries go without their per-query parsers. */
function withSharedParsers<T extends Queryable>(target: T): T {
	return new Proxy(target, {
		get(t, prop) {
			if (prop === "query") {
				return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
					(t.query as (...a: unknown[]) => unknown)(text, params, options && { ...options, parsers: undefined });
			}
			if (prop === "transaction") {
				const transaction = (t as unknown as PGlite).transaction.bind(t);
				return <R>(run: (tx: Queryable) => Promise<R>) => transaction((tx) => run(withSharedParsers(tx)));
			}
			return ownMember(t, prop);
		},
	});
}

/**
 * The pool as drizzle sees it: a transaction's connection runs its queries one after another. Services read in parallel
 * (Promise.all), which on a pool uses several connections but inside a transaction would put two queries on one
 * connection at once: pg queues them today and will refuse them from pg 9. A connection that broke goes back to the
 * pool at once, which drops it: drizzle never releases one whose BEGIN failed, and each such one would be lost to the
 * pool for good.
 */
function withQueuedTransactions(pool: pg.Pool): pg.Pool {
	return new Proxy(pool, {
		get(target, prop) {
			if (prop === "connect") {
				return async () => {
					const client = await target.connect();
					let last: Promise<unknown> = Promise.resolve();
					let released = false;
					const release = (err?: Error) => {
						if (released) return;
						released = true;
						client.release(err);
					};
					return new Proxy(client, {
						get(c, key) {
							if (key === "query") {
								return (...args: unknown[]) => {
									const run = last.then(() => (c.query as (...a: unknown[]) => Promise<unknown>)(...args));
									last = run.catch((err: Error) => {
										if (connectionFailure(err)) release(err);
									});
									return run;
								};
							}
							if (key === "release") return release;
							return ownMember(c, key);
						},
					});
				};
			}
			return ownMember(target, prop);
		},
	});
}

/** Opens the database named by a URL: `pglite:<dir>`, `pglite:memory:` or `postgres://…`. */
export async function openDatabase(url: string, options: { poolSize?: number; snapshot?: Blob } = {}): Promise<Database> {
	if (url.startsWith("pglite:")) {
		const dir = url.slice("pglite:".length);
		const memory = dir === "memory:" || dir === "";
		if (!memory) mkdirSync(dir, { recursive: true });
		// Small shared buffers: the embedded database serves one community, and PostgreSQL's 128 MB default
		// would double the server's memory.
		const client = await PGlite.create(memory ? undefined : dir, {
			loadDataDir: options.snapshot,
			postgresqlconf: "shared_buffers = 16MB",
			parsers: drizzleParsers,
		});
		const db = retryingTransactions(drizzlePglite({ client: withSharedParsers(client) }) as unknown as Db);
		return {
			db,
			kind: "pglite",
			migrate: () => migratePglite(db as never, { migrationsFolder }),
			ping: async () => {
				await client.query("select 1");
			},
			// In the process itself: no connection to lose.
			onConnectionLost: () => undefined,
			close: () => client.close(),
		};
	}
	const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
	let reportLost: (reason: string) => void = () => undefined;
	// Without these listeners a connection ended by the server (a restart, a fail-over) ends the process. An idle one is
	// reported and dropped by the pool; a busy one fails its query, which answers its request with 503.
	pool.on("error", (err) => reportLost(connectionFailure(err) ?? "connection error"));
	pool.on("connect", (client) => client.on("error", () => undefined));
	const db = retryingTransactions(drizzlePg({ client: withQueuedTransactions(pool) }) as unknown as Db);
	return {
		db,
		kind: "postgres",
		migrate: () => migratePg(db as never, { migrationsFolder }),
		ping: async () => {
			await pool.query("select 1");
		},
		onConnectionLost: (listener) => {
			reportLost = listener;
		},
		close: () => pool.end(),
	};
}

// A deadlock (40P01) or serialization failure (40001) aborts one of two transactions that raced; run again, it passes.
const raceStates = ["40P01", "40001"];
const transactionAttempts = 4;

/** The database with transactions that run again, after a short random pause, when they lost such a race. */
function retryingTransactions(db: Db): Db {
	const transaction = db.transaction.bind(db);
	db.transaction = async (run, config) => {
		for (let attempt = 1; ; attempt++) {
			try {
				return await transaction(run, config);
			} catch (err) {
				if (attempt === transactionAttempts || !raceStates.includes(sqlState(err) ?? "")) throw err;
				// Random and growing, so that the two sides do not meet again at once.
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * 2 ** attempt));
			}
		}
	};
	return db;
}

/** A copy of an embedded database's files, for opening many identical databases quickly (tests). */
export async function snapshotEmbedded(database: Database): Promise<Blob> {
	const client = (database.db as unknown as { $client: PGlite }).$client;
	return client.dumpDataDir("none");
}

/** Creates an empty database on a PostgreSQL server (tests and benchmarks use their own). */
export async function createServerDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
	await adminQuery(serverUrl, `create database "${name}"${template ? ` template "${template}"` : ""}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Drops a database created by createServerDatabase, ending its leftover connections. */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
	// A closed pool's sessions end a moment after it says so; forcing the drop on them makes their clients throw.
	for (let tries = 0; tries < 40; tries++) {
		const [open] = (await adminQuery(serverUrl, "select count(*)::int as n from pg_stat_activity where datname = $1", [name])) as { n: number }[];
		if (!open?.n) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`);
}

/** Drops every database whose name starts with a prefix (a test run's leftovers). */
export async function dropServerDatabases(serverUrl: string, prefix: string): Promise<void> {
	const rows = await adminQuery(serverUrl, "select datname from pg_database where starts_with(datname, $1)", [prefix]);
	for (const { datname } of rows as { datname: string }[]) await dropServerDatabase(serverUrl, datname);
}

async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return (await client.query(sql, params)).rows;
	} finally {
		await client.end();
	}
}

/** The first SQLSTATE or system error code in an error and its causes (drizzle wraps the driver's error). */
function sqlState(err: unknown): string | undefined {
	for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
		if (typeof e.code === "string") return e.code;
	}
	return undefined;
}

function hasSqlState(err: unknown, code: string): boolean {
	return sqlState(err) === code;
}

// The server is shutting down, starting up, full or unreachable, or the connection broke.
const connectionCodes = new Set([
	"57P01", // admin shutdown (a restart or fail-over ends the sessions)
	"57P02", // crash shutdown
	"57P03", // cannot connect now (starting up, shutting down)
	"53300", // too many connections
	"08000",
	"08001",
	"08003",
	"08004",
	"08006", // connection exceptions
	"ECONNREFUSED",
	"ECONNRESET",
	"EPIPE",
	"ETIMEDOUT",
	"EHOSTUNREACH",
]);
// node-postgres reports a broken or timed-out connection with these messages and no code.
const connectionMessages = /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|PGlite is closed)/;

/** The code or the driver's message of a broken or refused connection (never a statement or its parameters), or undefined. */
function connectionFailure(err: unknown): string | undefined {
	for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
		if (typeof e.code === "string" && connectionCodes.has(e.code)) return e.code;
		if (typeof e.message === "string" && connectionMessages.test(e.message)) return e.message;
	}
	return undefined;
}

/**
 * Why the database cannot serve now, so that the request may be tried again in a moment: a lost or refused connection,
 * or a race that a transaction still lost after every attempt. Undefined for any other error.
 */
export function unavailableReason(err: unknown): string | undefined {
	const state = sqlState(err);
	return connectionFailure(err) ?? (state && raceStates.includes(state) ? state : undefined);
}

/** Whether a driver error (as wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
	return hasSqlState(err, "23505");
}

/** Whether a driver error (as wrapped by drizzle) is a foreign-key violation: the row it points at is gone or in use. */
export function isForeignKeyViolation(err: unknown): boolean {
	return hasSqlState(err, "23503");
}
