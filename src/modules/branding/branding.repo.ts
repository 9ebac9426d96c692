import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { siteBranding } from "./branding.schema.js";

/** The one row of the installation's look, or undefined before anyone has saved one. */
export async function findBranding(db: Db) {
	const [row] = await db
		.select({
			name: siteBranding.name,
			brandColour: siteBranding.brandColour,
			linkColour: siteBranding.linkColour,
			logoType: siteBranding.logoType,
			logoAlt: siteBranding.logoAlt,
			faviconType: siteBranding.faviconType,
			updatedAt: siteBranding.updatedAt,
		})
		.from(siteBranding)
		.where(eq(siteBranding.id, 1));
	return row;
}

/** A stored image with its content type, or undefined. */
export async function findImage(db: Db, which: "logo" | "favicon") {
	const [row] = await db
		.select({ data: which === "logo" ? siteBranding.logo : siteBranding.favicon, type: which === "logo" ? siteBranding.logoType : siteBranding.faviconType })
		.from(siteBranding)
		.where(eq(siteBranding.id, 1));
	return row?.data && row.type ? { data: row.data, type: row.type } : undefined;
}

/** Saves some of the look's fields, creating the row on the first save. */
export async function saveBranding(db: Db, values: Partial<typeof siteBranding.$inferInsert>) {
	const set = { ...values, updatedAt: new Date() };
	await db.insert(siteBranding).values({ id: 1, ...set }).onConflictDoUpdate({ target: siteBranding.id, set });
}
