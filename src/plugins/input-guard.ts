import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { isMachinePath } from "../lib/machine-path.js";
import { noteCleaned, noteIgnoredParameter, recordRefusals } from "../ui/refusals.js";
import { HttpError } from "./http-errors.js";
import { isUploadedFile } from "./uploads.js";

// Characters no one types on purpose and that nothing downstream can take: NUL breaks PostgreSQL text, other
// control characters hide in stored text and exports, and bidirectional overrides (U+202E …) make text read
// differently from what it holds. Tabs and line breaks are ordinary text.
const unwanted = /(?![\t\n\r])[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const everyUnwanted = new RegExp(unwanted.source, "gu");

/** Refuses a request in the user's language, naming the field it is about. */
const refused = (messageKey: string, field: string) => new HttpError(400, messageKey, "error.page.input.title", { field });

/**
 * One guard for all input, before any route: every query parameter, path parameter and form field is text (a form
 * field may be a list of texts) without control characters or direction overrides; a repeated query parameter counts
 * once (its first value), and a POST without a body is an empty form. Where such a character comes, the person gets
 * what they were doing back with a message in their language, not an error page:
 * - in a posted form (also an upload form, or in a field's name), the characters are taken out and the field noted, so
 *   the route's form check shows the form again with the field's message and all else typed kept (see ui/forms.ts);
 * - in a page's address, the parameter is left out and the page says so;
 * - a program (an /api path, or a JSON body) is answered 400 in JSON naming the field.
 */
export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
	app.addHook("onRequest", async (req) => {
		req.query = firstValues(req.query);
	});
	// A preHandler, so that an upload form's fields are parsed (by its route's multipart parser); callback style, so that
	// the rest of the request, its handler too, runs inside the record of refusals the guard starts.
	app.addHook("preHandler", (req, _reply, done) =>
		recordRefusals(() => {
			try {
				guard(req);
			} catch (err) {
				return done(err as Error);
			}
			done();
		}),
	);
});

function guard(req: FastifyRequest): void {
	req.query = isMachinePath(req.url) ? checkTexts(req.query as Record<string, unknown>) : withoutUnwanted(req.query as Record<string, unknown>);
	checkTexts(req.params as Record<string, unknown>);
	if (req.method !== "POST") return;
	if (req.body === undefined) req.body = {};
	if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) throw refused("error.page.input.notAForm", "");
	const body = req.body as Record<string, unknown>;
	if (isForm(req)) cleanFormFields(body);
	checkTexts(body, isMultipart(req));
}

function firstValues(query: unknown): Record<string, unknown> {
	if (!query || typeof query !== "object") return {};
	return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

function checkTexts(fields: Record<string, unknown> | undefined, skipFiles = false): Record<string, unknown> {
	for (const [name, value] of Object.entries(fields ?? {})) {
		if (unwanted.test(name)) throw refused("error.page.input.character", visible(name));
		const texts = Array.isArray(value) ? value : [value];
		for (const text of texts) {
			if (typeof text === "string") {
				if (unwanted.test(text)) throw refused("error.page.input.character", name);
			} else if (!(skipFiles && typeof text === "object" && text !== null && !Array.isArray(text))) {
				throw refused("error.page.input.notText", name);
			}
		}
	}
	return fields ?? {};
}

/** A page's query without the parameters that hold unwanted characters, each noted for the page to say it left it out. */
function withoutUnwanted(query: Record<string, unknown>): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(query ?? {})) {
		if (unwanted.test(name) || (typeof value === "string" && unwanted.test(value))) noteIgnoredParameter(visible(name));
		else kept[name] = value;
	}
	return checkTexts(kept);
}

/**
 * Takes unwanted characters out of a posted form's text fields and field names, noting each such field for the form's
 * own check; a field whose name was cleaned takes the cleaned name (unless the form has that field already). An
 * uploaded file's name is cleaned too.
 */
function cleanFormFields(body: Record<string, unknown>): void {
	const cleaned: Record<string, string> = {};
	const clean = (text: unknown) => (typeof text === "string" ? text.replace(everyUnwanted, "") : text);
	for (const [name, value] of Object.entries(body)) {
		if (isUploadedFile(value)) {
			value.fileName = value.fileName.replace(everyUnwanted, "");
			continue;
		}
		const texts = Array.isArray(value) ? value : [value];
		if (!unwanted.test(name) && !texts.some((t) => typeof t === "string" && unwanted.test(t))) continue;
		const cleanName = name.replace(everyUnwanted, "");
		const cleanValue = Array.isArray(value) ? value.map(clean) : clean(value);
		if (cleanName !== name) delete body[name];
		if (!cleanName) continue;
		if (cleanName === name || !(cleanName in body)) body[cleanName] = cleanValue;
		cleaned[cleanName] = "error.character";
	}
	noteCleaned(cleaned);
}

function isForm(req: FastifyRequest): boolean {
	const type = (req.headers["content-type"] ?? "").toLowerCase();
	return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
}

function isMultipart(req: FastifyRequest): boolean {
	return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}

// A field's name shown with its unwanted characters written out, so the message itself stays clean.
function visible(name: string): string {
	return name.replace(everyUnwanted, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
}
