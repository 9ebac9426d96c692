// Demo data for synthesis: an analyst, and a theme per focus area that carries the inputs residents gave on it (the
// survey's free texts and the ideas), tagged by the analyst, so the analysis and coverage pages have content. The
// analyst links each focus area to its theme and each of the five proposals to the themes it grew from, so the public
// pages of focus areas, proposals and themes show what residents said. A finished assisted-tagging run then suggests a
// theme, with its confidence, for each input no focus area carried, for the analyst to confirm or correct.
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { proposalThemes } from "../modules/proposals/proposal-themes.schema.js";
import { assistAtOnce } from "../modules/synthesis/index.js";
import { analysts, themeEvents, themes, themeTaggings } from "../modules/synthesis/synthesis.schema.js";
import { focusAreaThemes } from "../modules/synthesis/traceability.schema.js";

/** The demo's analyst (signs in with this address). */
export const demoAnalyst = { email: "analytiker@norsjo.example", name: "Analytiker (demo)" };

/** The themes (named after the focus areas) each of the five proposals grew from, by proposal number. */
const proposalGrounds: Record<number, string[]> = {
	1: ["En trygg bygd", "Människan i fokus"],
	2: ["Hög service och gott värdskap", "Attrahera, rekrytera och behåll arbetskraft"],
	3: ["Vår miljö", "Attrahera, rekrytera och behåll arbetskraft"],
	4: ["En rik och attraktiv fritid", "Vår miljö"],
	5: ["Människan i fokus", "Hög service och gott värdskap", "En rik och attraktiv fritid", "En trygg bygd"],
};

/**
 * Adds the analyst, a theme per focus area and its taggings, links the focus areas and proposals to the themes, and
 * runs assisted tagging over the inputs left untagged.
 */
export async function seedNorsjoSynthesis(db: Db, areas: { id: string; name: string; description: string }[]): Promise<void> {
	const [analyst] = await db.insert(s.users).values(demoAnalyst).returning();
	await db.insert(analysts).values({ userId: analyst!.id });
	const themeOf = new Map<string, string>();
	for (const area of areas) {
		const [theme] = await db.insert(themes).values({ name: area.name, description: area.description, createdBy: analyst!.id }).returning();
		await db.insert(themeEvents).values({ themeId: theme!.id, action: "created", detail: area.name, actorId: analyst!.id });
		const carried = await db
			.select({ id: s.inputs.id })
			.from(s.inputs)
			.where(and(isNotNull(s.inputs.focusAreaId), eq(s.inputs.focusAreaId, area.id)));
		if (carried.length > 0) await db.insert(themeTaggings).values(carried.map((i) => ({ inputId: i.id, themeId: theme!.id, taggedBy: analyst!.id })));
		await db.insert(focusAreaThemes).values({ focusAreaId: area.id, themeId: theme!.id, linkedBy: analyst!.id });
		themeOf.set(area.name, theme!.id);
	}
	for (const proposal of await db.select().from(s.visionProposals)) {
		const grounds = (proposalGrounds[proposal.number] ?? []).flatMap((name) => themeOf.get(name) ?? []);
		if (grounds.length > 0) await db.insert(proposalThemes).values(grounds.map((themeId) => ({ proposalId: proposal.id, themeId, linkedBy: analyst!.id })));
	}
	if (!(await assistAtOnce(db, analyst!.id))) throw new Error("the demo has too few tagged or untagged inputs for assisted tagging");
}
