import { z } from "zod";
import { isUuid } from "../../lib/ids.js";
import { choice, integer, isoDate, optionalIsoDate, optionalText, optionalUrl, requiredText } from "../../ui/fields.js";

/** A choice of a record by its id; an unknown id is reported by the service. */
const recordId = (message: string) => z.string({ error: "error.required" }).trim().min(1, "error.required").refine(isUuid, message);
/** A text with one entry per line, empty lines dropped. */
const lines = (max: number) => optionalText(max).transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));

/** The form for a new decision body of an organisation. */
export const bodyInput = z.object({ organisationId: recordId("error.unknownOrganisation"), name: requiredText(200) });

/** The coordinator's choice of the body whose decisions adopt and amend the vision; empty for none. */
export const visionBodyInput = z.object({
	bodyId: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isUuid(v), "decisions.error.unknownBody"),
});

/** The form for a new meeting of a body. */
export const meetingInput = z.object({ bodyId: recordId("decisions.error.unknownBody"), heldOn: isoDate() });

const itemFields = {
	paragraph: integer(1, 100000),
	caseNumber: optionalText(50),
	title: requiredText(300),
	background: optionalText(20000),
	proposedDecision: optionalText(5000),
	points: lines(10000),
	distribution: lines(2000),
	decidedOn: isoDate(),
};

/** The form for a new item of a meeting. */
export const itemInput = z.object({ ...itemFields, isKey: z.string().optional().transform((v) => v === "on") });

/** The form correcting a published item: the new texts and why. */
export const correctionInput = z.object({ ...itemFields, reason: requiredText(1000) }).omit({ paragraph: true });

/** The form for a motion on an item; an amendment names the proposal and the text it proposes. */
export const motionInput = z
	.object({
		memberName: requiredText(200),
		party: optionalText(50),
		kind: choice(["adopt", "reject", "amend"]),
		text: requiredText(5000),
		proposalId: z.string().trim().optional().transform((v) => v || null),
		amendedText: optionalText(2000).transform((v) => v || null),
		outcome: choice(["bifall", "avslag"]),
	})
	.refine((v) => v.kind !== "amend" || v.proposalId !== null, { path: ["proposalId"], message: "decisions.error.amendNeedsProposal" })
	.refine((v) => v.kind !== "amend" || v.amendedText !== null, { path: ["amendedText"], message: "decisions.error.amendNeedsText" });

/** The form adding a link to the basis for decision. */
export const documentLinkInput = z.object({
	docTitle: requiredText(300),
	url: optionalUrl().refine((v) => v !== null, "error.required"),
});

/** The form uploading a document to the basis for decision: its name (the file itself is checked by the service). */
export const documentFileInput = z.object({ fileTitle: requiredText(300) });

/** The form pointing an item at a record it concerns, chosen as "type:id". */
export const linkInput = z.object({
	target: z
		.string({ error: "error.required" })
		.trim()
		.regex(/^[a-z_]+:[0-9a-f-]{36}$/, "error.badChoice")
		.transform((v) => {
			const [recordType, recordId] = v.split(":") as [string, string];
			return { recordType, recordId };
		}),
});

/** The form recording an organisation's adoption of the vision. */
export const adoptionInput = z.object({
	organisationId: recordId("error.unknownOrganisation"),
	decidedOn: isoDate(),
	body: requiredText(200),
	reference: optionalText(100),
	documentUrl: optionalUrl(),
	itemId: z.string().trim().optional().transform((v) => v || null),
});

/** The form withdrawing an adoption: the date of the decision to withdraw. */
export const withdrawalInput = z.object({ withdrawnOn: optionalIsoDate() });

/** The form handing the coordinator role to another organisation on a recorded decision. */
export const handoverInput = z.object({
	organisationId: recordId("error.unknownOrganisation"),
	fromDate: isoDate(),
	itemId: recordId("decisions.error.unknownItem"),
});
