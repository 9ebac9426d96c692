// JSON shape of the programme's public record in the API, with the schema that documents it.
import { errorSchema, refSchema, uuidSchema } from "../../lib/api-schema.js";
import type { startPage } from "./programmes.service.js";

const isoDate = { type: "string", format: "date", description: "Calendar date, YYYY-MM-DD." } as const;

/** JSON schema of the programme's public record. */
export const programmeJsonSchema = {
	type: "object",
	additionalProperties: false,
	required: [
		"id",
		"name",
		"community",
		"municipalityCode",
		"population",
		"populationDate",
		"populationSource",
		"horizonYear",
		"summary",
		"description",
		"coordinator",
		"phases",
	],
	properties: {
		id: uuidSchema,
		name: { type: "string" },
		community: { type: "string" },
		municipalityCode: { type: "string", pattern: "^[0-9]{4}$", description: "SCB municipality code, also the municipality's Kolada id." },
		population: { type: "integer", minimum: 0 },
		populationDate: { ...isoDate, description: "The date the population figure applies to." },
		populationSource: { type: "string" },
		horizonYear: { type: "integer" },
		summary: { type: "string" },
		description: { type: "string", description: "Plain text; paragraphs are separated by a blank line." },
		coordinator: {
			...refSchema,
			type: ["object", "null"],
			description: "The organisation that coordinates the programme; null when none is appointed.",
		},
		phases: {
			type: "array",
			description: "The phases of the timeline, in order.",
			items: {
				type: "object",
				additionalProperties: false,
				required: ["id", "position", "name", "description", "startsOn", "endsOn"],
				properties: {
					id: uuidSchema,
					position: { type: "integer", minimum: 1 },
					name: { type: "string" },
					description: { type: "string" },
					startsOn: isoDate,
					endsOn: { ...isoDate, type: ["string", "null"], description: "Null while the phase goes on until further notice." },
				},
			},
		},
	},
} as const;

/** Responses of GET /api/v1/programme. */
export const programmeResponses = { 200: { description: "The programme", ...programmeJsonSchema }, 404: { description: "No programme has been set up", ...errorSchema } };

/** The programme's public record as the API shows it. */
export function programmeJson(data: Awaited<ReturnType<typeof startPage>>) {
	const p = data.programme;
	return {
		id: p.id,
		name: p.name,
		community: p.community,
		municipalityCode: p.municipalityCode,
		population: p.population,
		populationDate: p.populationDate,
		populationSource: p.populationSource,
		horizonYear: p.horizonYear,
		summary: p.summary,
		description: p.description,
		coordinator: p.coordinatorId ? { id: p.coordinatorId, name: data.coordinatorName ?? "" } : null,
		phases: data.phases.map((ph) => ({
			id: ph.id,
			position: ph.position,
			name: ph.name,
			description: ph.description,
			startsOn: ph.startsOn,
			endsOn: ph.endsOn,
		})),
	};
}
