// Turns the OpenAPI document into a plain model the documentation page can show without JavaScript.

/** A JSON Schema (as far as the page reads it). */
type JsonSchema = {
	$ref?: string;
	type?: string | string[];
	format?: string;
	description?: string;
	enum?: unknown[];
	const?: unknown;
	nullable?: boolean;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
	additionalProperties?: boolean | JsonSchema;
	oneOf?: JsonSchema[];
	anyOf?: JsonSchema[];
	allOf?: JsonSchema[];
};

type Content = Record<string, { schema?: JsonSchema }>;

type Operation = {
	tags?: string[];
	summary?: string;
	description?: string;
	operationId?: string;
	parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
	requestBody?: { description?: string; required?: boolean; content?: Content };
	responses?: Record<string, { description?: string; content?: Content }>;
};

/** The parts of an OpenAPI 3.x document the page uses. */
export type OpenApiDocument = {
	openapi: string;
	info: { title: string; version: string; description?: string };
	paths?: Record<string, Record<string, Operation | unknown>>;
	components?: { schemas?: Record<string, JsonSchema> };
	tags?: { name: string; description?: string }[];
};

/** One field of a schema, with its nested fields. */
export type SchemaField = {
	name: string | null;
	type: string;
	required: boolean;
	description: string | null;
	values: string[];
	fields: SchemaField[];
};

/** One endpoint as the page lists it. */
export type Endpoint = {
	id: string;
	method: string;
	path: string;
	summary: string | null;
	description: string | null;
	parameters: { name: string; in: string; required: boolean; type: string; description: string | null; values: string[] }[];
	requestBody: SchemaField | null;
	responses: { status: string; description: string | null; body: SchemaField | null }[];
};

/** The endpoints of one tag. */
export type EndpointGroup = { tag: string; description: string | null; endpoints: Endpoint[] };

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// A schema that refers to itself would otherwise be unfolded forever.
const maxDepth = 6;

/** The document's endpoints grouped by tag, tags and paths in alphabetical order. */
export function apiDocs(document: OpenApiDocument): EndpointGroup[] {
	const schemas = document.components?.schemas ?? {};
	const groups = new Map<string, Endpoint[]>();
	for (const path of Object.keys(document.paths ?? {}).sort()) {
		const item = document.paths![path]!;
		for (const method of methods) {
			const op = item[method] as Operation | undefined;
			if (!op) continue;
			const endpoint: Endpoint = {
				id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, ""),
				method: method.toUpperCase(),
				path,
				summary: op.summary ?? null,
				description: op.description ?? null,
				parameters: (op.parameters ?? []).map((p) => {
					const f = field(schemas, null, p.schema ?? {}, false, 0);
					return { name: p.name, in: p.in, required: Boolean(p.required), type: f.type, description: p.description ?? f.description, values: f.values };
				}),
				requestBody: bodyOf(schemas, op.requestBody?.content),
				responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
					const body = bodyOf(schemas, r.content);
					// The generator copies a response schema's description to the response: say it once.
					if (body && body.description === r.description) body.description = null;
					return { status, description: r.description ?? null, body };
				}),
			};
			const tag = op.tags?.[0] ?? "";
			groups.set(tag, [...(groups.get(tag) ?? []), endpoint]);
		}
	}
	return [...groups]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([tag, endpoints]) => ({
			tag,
			description: document.tags?.find((t) => t.name === tag)?.description ?? null,
			endpoints,
		}));
}

function bodyOf(schemas: Record<string, JsonSchema>, content: Content | undefined): SchemaField | null {
	const schema = content?.["application/json"]?.schema ?? Object.values(content ?? {})[0]?.schema;
	return schema ? field(schemas, null, schema, true, 0) : null;
}

function resolve(schemas: Record<string, JsonSchema>, schema: JsonSchema): JsonSchema {
	let s = schema;
	for (let i = 0; s.$ref && i < maxDepth; i++) {
		const name = s.$ref.split("/").pop() ?? "";
		s = { ...schemas[name], ...(s.description ? { description: s.description } : {}) };
	}
	if (s.allOf) {
		// allOf is how shared parts are combined: show the union of their fields.
		const parts = s.allOf.map((p) => resolve(schemas, p));
		return {
			...s,
			allOf: undefined,
			type: s.type ?? parts.find((p) => p.type)?.type,
			properties: Object.assign({}, s.properties, ...parts.map((p) => p.properties)),
			required: [...(s.required ?? []), ...parts.flatMap((p) => p.required ?? [])],
		};
	}
	return s;
}

function typeName(s: JsonSchema, schemas: Record<string, JsonSchema>, depth: number): string {
	const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((t) => t !== "null");
	const nullable = s.nullable || (Array.isArray(s.type) && s.type.includes("null"));
	let name: string;
	if (s.oneOf || s.anyOf) name = "one of";
	else if (types.includes("array") && s.items) name = `array of ${typeName(resolve(schemas, s.items), schemas, depth + 1)}`;
	else name = types.join(" | ") || (s.properties ? "object" : "any");
	if (s.format) name += ` (${s.format})`;
	return nullable ? `${name} | null` : name;
}

function field(schemas: Record<string, JsonSchema>, name: string | null, raw: JsonSchema, required: boolean, depth: number): SchemaField {
	const s = resolve(schemas, raw);
	const values = s.enum ? s.enum.map((v) => JSON.stringify(v)) : s.const !== undefined ? [JSON.stringify(s.const)] : [];
	let fields: SchemaField[] = [];
	if (depth < maxDepth) {
		const inner = s.items && (Array.isArray(s.type) ? s.type.includes("array") : s.type === "array") ? resolve(schemas, s.items) : s;
		if (inner.properties) {
			const needed = new Set(inner.required ?? []);
			fields = Object.entries(inner.properties).map(([k, v]) => field(schemas, k, v, needed.has(k), depth + 1));
		} else if (inner.oneOf || inner.anyOf) {
			fields = (inner.oneOf ?? inner.anyOf ?? []).map((v) => field(schemas, null, v, false, depth + 1));
		}
	}
	return { name, type: typeName(s, schemas, depth), required, description: s.description ?? null, values, fields };
}
