// Factories: each test builds the records it needs, with unique values so that nothing collides.
import { randomBytes } from "node:crypto";
import type { Db } from "../src/db/client.js";
import * as s from "../src/db/schema.js";
import { luhnCheckDigit } from "../src/lib/luhn.js";
import { startSession } from "../src/modules/accounts/index.js";
import type { TestClient } from "./helpers.js";

const unique = () => randomBytes(4).toString("hex");

/** A valid, unique organisation number. */
export function orgNumber(): string {
	const nine = `55${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
	return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** An organisation. */
export async function createOrganisation(db: Db, values: Partial<typeof s.organisations.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.organisations)
		.values({ name: `Organisation ${unique()}`, type: "association", orgNumber: orgNumber(), ...values })
		.returning();
	return row!;
}

/** A programme coordinated by a new organisation, with two phases. */
export async function createProgramme(db: Db, values: Partial<typeof s.programmes.$inferInsert> = {}) {
	const coordinator = await createOrganisation(db, { type: "municipality" });
	const [programme] = await db
		.insert(s.programmes)
		.values({
			name: `Programme ${unique()}`,
			community: "Testbygden",
			municipalityCode: "2417",
			population: 4094,
			populationDate: "2018-12-31",
			populationSource: "SCB",
			horizonYear: 2030,
			coordinatorId: coordinator.id,
			...values,
		})
		.returning();
	await db.insert(s.programmePhases).values([
		{ programmeId: programme!.id, position: 1, name: "Inspel", startsOn: "2018-09-01", endsOn: "2018-11-30" },
		{ programmeId: programme!.id, position: 2, name: "Genomförande", startsOn: "2019-04-01", endsOn: "2030-12-31" },
	]);
	return { programme: programme!, coordinator };
}

/** A person; with `admin`/`member` of an organisation when asked. */
export async function createUser(
	db: Db,
	values: Partial<typeof s.users.$inferInsert> & { memberOf?: { organisationId: string; role: "member" | "admin" } } = {},
) {
	const { memberOf, ...rest } = values;
	const [user] = await db
		.insert(s.users)
		.values({ email: `person-${unique()}@example.se`, ...rest })
		.returning();
	if (memberOf) await db.insert(s.memberships).values({ userId: user!.id, ...memberOf });
	return user!;
}

/** Signs a client in as a user, as if they had entered a valid code. */
export async function signInAs(client: TestClient, db: Db, userId: string): Promise<void> {
	const { token } = await startSession(db, userId);
	client.cookies.set("medskapa_session", token);
}
