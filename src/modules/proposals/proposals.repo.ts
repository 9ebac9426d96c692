import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { visionProposals, visionTexts } from "./proposals.schema.js";

export type Proposal = typeof visionProposals.$inferSelect;
export type VisionText = typeof visionTexts.$inferSelect;
/** The fields a coordinator edits on a proposal. */
export type ProposalValues = { number: number; title: string; subtext: string };

/** The programme's proposals in number order. */
export async function listProposals(db: Db, programmeId: string): Promise<Proposal[]> {
	return db.select().from(visionProposals).where(eq(visionProposals.programmeId, programmeId)).orderBy(asc(visionProposals.number));
}

/** One proposal of the programme. */
export async function findProposal(db: Db, programmeId: string, id: string): Promise<Proposal | undefined> {
	const rows = await db
		.select()
		.from(visionProposals)
		.where(and(eq(visionProposals.programmeId, programmeId), eq(visionProposals.id, id)));
	return rows[0];
}

/** Stores a new proposal. */
export async function insertProposal(db: Db, programmeId: string, values: ProposalValues): Promise<Proposal> {
	const [row] = await db
		.insert(visionProposals)
		.values({ ...values, programmeId })
		.returning();
	return row!;
}

/** Changes a proposal's number and texts. */
export async function updateProposal(db: Db, id: string, values: ProposalValues): Promise<void> {
	await db
		.update(visionProposals)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(visionProposals.id, id));
}

/** The vision in force: the newest adopted text (by adoption date, then by when it was recorded). */
export async function findVisionInForce(db: Db, programmeId: string): Promise<VisionText | undefined> {
	const rows = await db
		.select()
		.from(visionTexts)
		.where(eq(visionTexts.programmeId, programmeId))
		.orderBy(desc(visionTexts.adoptedOn), desc(visionTexts.createdAt))
		.limit(1);
	return rows[0];
}

/** Every adopted text of the programme's vision, oldest first. */
export async function listVisionTexts(db: Db, programmeId: string): Promise<VisionText[]> {
	return db.select().from(visionTexts).where(eq(visionTexts.programmeId, programmeId)).orderBy(asc(visionTexts.adoptedOn), asc(visionTexts.createdAt));
}

/** Stores an adopted text of the vision. */
export async function insertVisionText(db: Db, values: typeof visionTexts.$inferInsert): Promise<VisionText> {
	return (await db.insert(visionTexts).values(values).returning())[0]!;
}
