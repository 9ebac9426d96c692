// JSON shapes of the public trace (what a vision proposal, a focus area or a theme rests on), with the schemas that
// document them. The same rules as the public pages: counts of visible, on-topic inputs; quotes only when quotable.
import { uuidSchema as uuid } from "../../lib/api-schema.js";
import { inputSources } from "../inputs/index.js";
import { type Carried, type publicThemePage, quoteHref, type Trace } from "./traceability.service.js";

/** The API documentation's group for the trace. */
export const traceTags = ["trace"];

const counts = {
	inputs: { type: "integer", minimum: 0, description: "Visible, on-topic inputs tagged with the themes (an input in two themes counts once)." },
	participants: { type: "integer", minimum: 0, description: "The people (survey responses, idea authors, workshop groups, imported respondents) who gave those inputs." },
} as const;

const themeRefSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "name", "description", "inputs", "url"],
	properties: {
		id: uuid,
		name: { type: "string" },
		description: { type: "string" },
		inputs: { type: "integer", minimum: 0, description: "Visible, on-topic inputs tagged with the theme." },
		url: { type: "string", description: "The theme's public page." },
	},
} as const;

const quoteSchema = {
	type: "object",
	additionalProperties: false,
	required: ["themeId", "text", "source", "url"],
	description: "A resident's words, only from public inputs (ideas, comments, workshop notes) or a survey whose respondents were told quotes may be published.",
	properties: {
		themeId: { ...uuid, description: "The theme the quote was sampled from." },
		text: { type: "string", description: "The input's text, in Swedish as written." },
		source: { type: "string", enum: [...inputSources], description: "Where the input came from." },
		url: { type: ["string", "null"], description: "Where the whole text can be read (the idea or the workshop); null for a survey answer." },
	},
} as const;

/** JSON schema of what a vision proposal or a focus area rests on. */
export const traceJsonSchema = {
	type: "object",
	additionalProperties: false,
	required: ["inputs", "participants", "themes", "quotes"],
	properties: {
		...counts,
		themes: { type: "array", items: themeRefSchema, description: "The themes it rests on, largest first; empty when none is linked yet." },
		quotes: { type: "array", items: quoteSchema, description: "A sample of quotes, the same on every request." },
	},
} as const;

/** JSON schema of a theme's public trace: what it holds and what rests on it. */
export const themeTraceJsonSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "name", "description", "url", "inputs", "participants", "carries", "quotes"],
	properties: {
		id: uuid,
		name: { type: "string" },
		description: { type: "string" },
		url: { type: "string", description: "The theme's public page." },
		...counts,
		carries: {
			type: "array",
			description: "The vision proposals and focus areas that rest on the theme (a theme is public only when something does).",
			items: {
				type: "object",
				additionalProperties: false,
				required: ["kind", "id", "title", "url"],
				properties: { kind: { type: "string", enum: ["proposal", "focusArea"] }, id: uuid, title: { type: "string" }, url: { type: "string" } },
			},
		},
		quotes: { type: "array", items: quoteSchema, description: "A sample of quotes, the same on every request." },
	},
} as const;

function quotesJson(quotes: Trace["quotes"]) {
	return quotes.map((q) => ({ themeId: q.themeId, text: q.text, source: q.source, url: quoteHref(q) }));
}

/** A proposal's or focus area's trace as the API shows it. */
export function traceJson(trace: Trace) {
	return {
		inputs: trace.inputs,
		participants: trace.participants,
		themes: trace.themes.map((t) => ({ id: t.id, name: t.name, description: t.description, inputs: t.inputs, url: `/teman/${t.id}` })),
		quotes: quotesJson(trace.quotes),
	};
}

/** A theme's public trace as the API shows it. */
export function themeTraceJson(data: Exclude<Awaited<ReturnType<typeof publicThemePage>>, { mergedInto: string }>) {
	const { theme, trace } = data;
	return {
		id: theme.id,
		name: theme.name,
		description: theme.description,
		url: `/teman/${theme.id}`,
		inputs: trace.inputs,
		participants: trace.participants,
		carries: data.carried.map((c: Carried) => ({ kind: c.kind, id: c.id, title: c.title, url: c.href })),
		quotes: quotesJson(trace.quotes),
	};
}
