// JSON shapes of the public API for the vision, the proposals and the vote, with the schemas that document them.
import { uuidSchema as uuid } from "../../lib/api-schema.js";
const isoDate = { type: "string", format: "date", description: "Calendar date, YYYY-MM-DD." } as const;
import type { VoteSummary } from "../votes/index.js";
import type { Proposal, VisionText } from "./proposals.repo.js";


/** JSON schema of a public vision proposal. */
export const proposalJsonSchema = {
	type: "object",
	additionalProperties: false,
	required: ["id", "number", "title", "subtext", "adopted"],
	properties: {
		id: uuid,
		number: { type: "integer", minimum: 1, description: "The proposal's number in the vote." },
		title: { type: "string" },
		subtext: { type: "string" },
		adopted: { type: "boolean", description: "Whether the vision in force came from this proposal." },
	},
} as const;

/** JSON schema of the vision in force and the vote, each null when there is none yet. */
export const visionJsonSchema = {
	type: "object",
	additionalProperties: false,
	required: ["vision", "vote"],
	properties: {
		vision: {
			type: ["object", "null"],
			additionalProperties: false,
			description: "The vision in force: the newest adopted text; null when none has been adopted.",
			required: ["id", "proposalId", "title", "subtext", "adoptedOn"],
			properties: {
				id: uuid,
				proposalId: { type: ["string", "null"], format: "uuid", description: "The proposal the vision came from." },
				title: { type: "string" },
				subtext: { type: "string", description: "The subtext as adopted, which may differ from the proposal's." },
				adoptedOn: isoDate,
			},
		},
		vote: {
			type: ["object", "null"],
			additionalProperties: false,
			description: "The public vote on the proposals; null when none has been held.",
			required: ["id", "title", "opensAt", "closesAt", "firstDay", "lastDay", "advisory"],
			properties: {
				id: uuid,
				title: { type: "string" },
				opensAt: { type: "string", format: "date-time" },
				closesAt: { type: "string", format: "date-time" },
				firstDay: { ...isoDate, description: "First day the vote is open, in Swedish time." },
				lastDay: { ...isoDate, description: "Last day the vote is open, in Swedish time." },
				advisory: { type: "boolean", description: "Whether the vote was advisory (true) or binding (false)." },
			},
		},
	},
} as const;

/** A proposal as the API shows it. */
export function proposalJson(p: Proposal & { adopted: boolean }) {
	return { id: p.id, number: p.number, title: p.title, subtext: p.subtext, adopted: p.adopted };
}

/** The vision in force and the vote as the API shows them. */
export function visionJson(vision: VisionText | null, vote: VoteSummary | null) {
	return {
		vision: vision && { id: vision.id, proposalId: vision.proposalId, title: vision.title, subtext: vision.subtext, adoptedOn: vision.adoptedOn },
		vote: vote && {
			id: vote.id,
			title: vote.title,
			opensAt: vote.opensAt.toISOString(),
			closesAt: vote.closesAt.toISOString(),
			firstDay: vote.firstDay,
			lastDay: vote.lastDay,
			advisory: vote.advisory,
		},
	};
}
