// Demo data for synthesis: an analyst, and a theme per focus area that carries the inputs residents gave on it (the
// survey's free texts and the ideas), tagged by the analyst, so the analysis and coverage pages have content.
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../db/schema.js";
import { analysts, themeEvents, themes, themeTaggings } from "../modules/synthesis/synthesis.schema.js";

/** The demo's analyst (signs in with this address). */
export const demoAnalyst = { email: "analytiker@norsjo.example", name: "Analytiker (demo)" };

/** Adds the analyst, a theme per focus area and its taggings. */
export async function seedNorsjoSynthesis(db: Db, areas: { id: string; name: string; description: string }[]): Promise<void> {
	const [analyst] = await db.insert(s.users).values(demoAnalyst).returning();
	await db.insert(analysts).values({ userId: analyst!.id });
	for (const area of areas) {
		const [theme] = await db.insert(themes).values({ name: area.name, description: area.description, createdBy: analyst!.id }).returning();
		await db.insert(themeEvents).values({ themeId: theme!.id, action: "created", detail: area.name, actorId: analyst!.id });
		const carried = await db
			.select({ id: s.inputs.id })
			.from(s.inputs)
			.where(and(isNotNull(s.inputs.focusAreaId), eq(s.inputs.focusAreaId, area.id)));
		if (carried.length > 0) await db.insert(themeTaggings).values(carried.map((i) => ({ inputId: i.id, themeId: theme!.id, taggedBy: analyst!.id })));
	}
}
