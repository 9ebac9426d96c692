// What the server's log may hold: no personal data. Requests go in by method and path, responses by status, and errors
// by kind, code and place: never a statement's parameters, a body, a query string or the values a message quotes.
import type { DestinationStream } from "pino";

/** Fastify's logger settings for the whole server; `stream` replaces standard output (tests read the log). */
export function loggerOptions(level: string, stream?: DestinationStream) {
	return {
		level,
		stream,
		serializers: {
			// A letter's short address carries its voting code: the log keeps only that it was one.
			req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split("?")[0]!.replace(/^\/r\/[^/]*/, "/r/…"), id: req.id }),
			res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
			err: serializeError,
		},
		redact: ["email", "*.email", "recipient"],
	};
}

/** An error as it is logged. */
export type LoggedError = {
	type: string;
	message: string;
	code?: string;
	/** The database object an error names (pg and PGlite give these apart from the message). */
	table?: string;
	column?: string;
	constraint?: string;
	/** The stack's frames, without the message it starts with. */
	stack: string;
	cause?: LoggedError;
};

type ErrorLike = Error & Record<string, unknown>;

/**
 * Keeps an error's kind, code and stack frames and the database object it names, with what its message quotes left
 * out; drizzle's "Failed query" keeps its statement (placeholders only) without the parameters. Causes follow, a few deep.
 */
export function serializeError(err: unknown, depth = 0): LoggedError {
	if (!(err instanceof Error)) return { type: typeof err, message: "(not an Error)", stack: "" };
	const e = err as ErrorLike;
	const frames = e.stack?.split("\n").filter((line) => /^\s+at /.test(line)) ?? [];
	const logged: LoggedError = { type: e.constructor?.name ?? e.name, message: safeMessage(e), stack: frames.join("\n") };
	for (const key of ["code", "table", "column", "constraint"] as const) {
		if (typeof e[key] === "string") logged[key] = e[key];
	}
	if (e.cause !== undefined && depth < 4) logged.cause = serializeError(e.cause, depth + 1);
	return logged;
}

function safeMessage(e: ErrorLike): string {
	// DrizzleQueryError: "Failed query: <statement>\nparams: <the values>".
	if (e.message.startsWith("Failed query: ") && typeof e.query === "string") return `Failed query: ${e.query}`.slice(0, 2000);
	return e.message
		.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…")
		.replace(/[^\s@]+@[^\s@]+/g, "…")
		.slice(0, 500);
}
