// JSON-schema building blocks for the /api/v1 routes; @fastify/swagger turns them into the OpenAPI document.

/** A uuid, the stable id of every public record. */
export const uuidSchema = { type: "string", format: "uuid" } as const;

/** A reference to another record: its id and name. */
export const refSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "name"],
	properties: { id: uuidSchema, name: { type: "string" } },
} as const;

/** Path parameters of a route that names one record by id. */
export const idParamsSchema = {
	type: "object",
	required: ["id"],
	properties: { id: { ...uuidSchema, description: "The record's id" } },
} as const;

/** The body of every error answer under /api (see the errors plugin). */
export const errorSchema = {
	type: "object",
	required: ["error"],
	properties: {
		error: {
			type: "object",
			required: ["status", "title", "message"],
			properties: {
				status: { type: "integer" },
				title: { type: "string" },
				message: { type: "string" },
				field: { type: "string", description: "The query parameter or field refused, when the refusal is about one" },
			},
		},
	},
} as const;

/** Responses of a route that fetches one record: the record, or an error when the id is malformed or unknown. */
export function oneRecordResponses(record: object, description = "The record") {
	return { 200: { description, ...record }, 400: { description: "The id is not a uuid", ...errorSchema }, 404: { description: "No record has that id", ...errorSchema } };
}
