import { adminSections, type Section } from "../admin/index.js";

/** A step of running a programme, in the order of the council protocol (docs: DESIGN.md's pipeline), with its administration pages. */
export type GuideStep = { id: string; sections: Section[] };

// Each step's pages, by their help id (admin.service.ts).
const steps: [string, string[]][] = [
	["start", ["programme", "branding", "users", "outbox"]],
	["input", ["surveys", "workshops", "ideas", "participation"]],
	["synthesis", ["inputs", "analysis"]],
	["vote", ["proposals", "votes"]],
	["decision", ["decisions"]],
	["adoption", ["organisations", "adoptions"]],
	["focusAreas", ["focusAreas"]],
	["goals", ["indicators"]],
	["followup", ["followup"]],
	["handover", ["handover"]],
];

/** The guide's steps with the sections they link to; every section of the administration is in exactly one step. */
export const guide: GuideStep[] = steps.map(([id, pages]) => ({ id, sections: pages.map((page) => adminSections.find((s) => s.page === page)!) }));
