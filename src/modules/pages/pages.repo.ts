import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../accounts/accounts.schema.js";

/** The e-mail addresses of the installation's administrators. */
export async function administratorEmails(db: Db): Promise<string[]> {
	const rows = await db.select({ email: users.email }).from(users).where(eq(users.isAdministrator, true)).orderBy(asc(users.email));
	return rows.map((r) => r.email);
}
