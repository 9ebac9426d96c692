// Factories: each test builds the records it needs, with unique values so that nothing collides.
import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/db/client.js";
import * as s from "../src/schema.js";
import type { Config } from "../src/config.js";
import { luhnCheckDigit } from "../src/lib/luhn.js";
import { parsePersonalNumber } from "../src/lib/personal-number.js";
import { startSession } from "../src/modules/accounts/index.js";
import { seal } from "../src/modules/eid/eid.seal.js";
import { eidTtlMs, identityCookie } from "../src/modules/eid/eid.service.js";
import { type Mail, onMailSent } from "../src/modules/mail/index.js";
import { TestClient } from "./helpers.js";

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

/** The newest mail in the outbox to an address. */
export async function lastMailTo(db: Db, recipient: string) {
	const rows = await db.select().from(s.outbox).where(eq(s.outbox.recipient, recipient)).orderBy(desc(s.outbox.createdAt)).limit(1);
	return rows[0];
}

// Every mail this process sends, as sent: the outbox keeps no sign-in code nor invitation link.
const mailed: Mail[] = [];
onMailSent((mail) => mailed.push(mail));

/** The newest mail sent to an address, with its secrets, as the recipient reads it. */
export function lastMailSentTo(recipient: string): Mail | undefined {
	return mailed.findLast((m) => m.to === recipient);
}

/** The six-digit sign-in code in the newest mail sent to an address. */
export function lastCodeTo(recipient: string): string {
	const code = /\b(\d{6})\b/.exec(lastMailSentTo(recipient)?.body ?? "")?.[1];
	if (!code) throw new Error(`no sign-in code mailed to ${recipient}`);
	return code;
}

/** A focus area of a programme, with the organisations that work in it. */
export async function createFocusArea(
	db: Db,
	programmeId: string,
	values: Partial<typeof s.focusAreas.$inferInsert> & { organisationIds?: string[] } = {},
) {
	const { organisationIds = [], ...rest } = values;
	const [area] = await db
		.insert(s.focusAreas)
		.values({ programmeId, position: 1, name: `Fokusområde ${unique()}`, ...rest })
		.returning();
	if (organisationIds.length) await db.insert(s.focusAreaActors).values(organisationIds.map((organisationId) => ({ focusAreaId: area!.id, organisationId })));
	return area!;
}

/** An organisation's adoption of a programme's vision. */
export async function createAdoption(db: Db, programmeId: string, organisationId: string, values: Partial<typeof s.adoptions.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.adoptions)
		.values({ programmeId, organisationId, decidedOn: "2019-02-04", body: "Kommunfullmäktige", reference: `KS-${unique()}`, ...values })
		.returning();
	return row!;
}

/** A vision proposal of a programme. */
export async function createProposal(db: Db, programmeId: string, values: Partial<typeof s.visionProposals.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.visionProposals)
		.values({ programmeId, number: 1, title: `Förslag ${unique()}`, subtext: `Undertext ${unique()}`, ...values })
		.returning();
	return row!;
}

/** An adopted text of a programme's vision, by default from a proposal. */
export async function createVisionText(db: Db, programmeId: string, values: Partial<typeof s.visionTexts.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.visionTexts)
		.values({ programmeId, title: `Vision ${unique()}`, subtext: `Undertext ${unique()}`, adoptedOn: "2019-02-04", ...values })
		.returning();
	return row!;
}

/** A public vote of a programme: advisory, 8–20 January 2019 in Swedish time, unless told otherwise. */
export async function createVote(db: Db, programmeId: string, values: Partial<typeof s.votes.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.votes)
		.values({
			programmeId,
			title: `Omröstning ${unique()}`,
			opensAt: new Date("2019-01-07T23:00:00Z"),
			closesAt: new Date("2019-01-20T23:00:00Z"),
			advisory: true,
			...values,
		})
		.returning();
	return row!;
}

/** A future workshop of a programme: 2 October 2018, 18–21 Swedish time, in Bastuträsk, unless told otherwise. */
export async function createWorkshop(db: Db, programmeId: string, values: Partial<typeof s.workshops.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.workshops)
		.values({
			programmeId,
			title: `Framtidsverkstad ${unique()}`,
			startsAt: new Date("2018-10-02T16:00:00Z"),
			endsAt: new Date("2018-10-02T19:00:00Z"),
			place: "Bygdegården",
			locality: "Bastuträsk",
			capacity: 30,
			...values,
		})
		.returning();
	return row!;
}

/** An open anonymous survey (unless told otherwise) with one section and the questions given, options as labels. */
export async function createSurvey(
	db: Db,
	programmeId: string,
	values: Partial<typeof s.surveys.$inferInsert> & {
		questions?: (Partial<typeof s.surveyQuestions.$inferInsert> & { kind: (typeof s.surveyQuestions.$inferInsert)["kind"]; options?: string[] })[];
	} = {},
) {
	const { questions = [], ...rest } = values;
	const [survey] = await db
		.insert(s.surveys)
		.values({ programmeId, title: `Enkät ${unique()}`, status: "open", ...rest })
		.returning();
	const [section] = await db.insert(s.surveySections).values({ surveyId: survey!.id, position: 1, title: "Frågor" }).returning();
	const created = [];
	for (const [i, q] of questions.entries()) {
		const { options = [], ...question } = q;
		const [row] = await db
			.insert(s.surveyQuestions)
			.values({ text: `Fråga ${i + 1}`, ...question, surveyId: survey!.id, sectionId: section!.id, position: i + 1 })
			.returning();
		const opts = options.length
			? await db.insert(s.surveyOptions).values(options.map((label, n) => ({ questionId: row!.id, position: n + 1, label }))).returning()
			: [];
		created.push({ ...row!, options: opts });
	}
	return { survey: survey!, section: section!, questions: created };
}

/** A valid 12-digit personal identity number for a birth date (YYYYMMDD), with a random serial. */
export function personalNumber(birthDate = "19800101"): string {
	const nine = `${birthDate.slice(2)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
	return `${birthDate.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}

/** A vote open now (texts frozen) on `proposals` new proposals, with its options; settings may be overridden. */
export async function createOpenVote(db: Db, programmeId: string, values: Partial<typeof s.votes.$inferInsert> & { proposals?: number } = {}) {
	const { proposals: n = 3, ...rest } = values;
	const vote = await createVote(db, programmeId, {
		opensAt: new Date(Date.now() - 3_600_000),
		closesAt: new Date(Date.now() + 3_600_000),
		frozenAt: new Date(),
		channels: "eid,code,paper,email",
		...rest,
	});
	const options = [];
	for (let i = 1; i <= n; i++) {
		const p = await createProposal(db, programmeId, { number: 100 + i + Math.floor(Math.random() * 1e6) * 10 });
		const [o] = await db.insert(s.voteOptions).values({ voteId: vote.id, proposalId: p.id, position: i, title: p.title, subtext: p.subtext }).returning();
		options.push(o!);
	}
	return { vote, options };
}

/** A joint initiative in a focus area, owned by the organisations given. */
export async function createInitiative(db: Db, programmeId: string, focusAreaId: string, values: Partial<typeof s.initiatives.$inferInsert> & { ownerIds?: string[] } = {}) {
	const { ownerIds = [], ...rest } = values;
	const [row] = await db
		.insert(s.initiatives)
		.values({ programmeId, focusAreaId, title: `Initiativ ${unique()}`, ...rest })
		.returning();
	if (ownerIds.length) await db.insert(s.initiativeOwners).values(ownerIds.map((organisationId) => ({ initiativeId: row!.id, organisationId })));
	return row!;
}

/** An arena meeting in a focus area: 12 March 2019, 18–20 Swedish time, unless told otherwise. */
export async function createArenaMeeting(db: Db, programmeId: string, focusAreaId: string, values: Partial<typeof s.arenaMeetings.$inferInsert> = {}) {
	const [row] = await db
		.insert(s.arenaMeetings)
		.values({
			programmeId,
			focusAreaId,
			title: `Arenaträff ${unique()}`,
			startsAt: new Date("2019-03-12T17:00:00Z"),
			endsAt: new Date("2019-03-12T19:00:00Z"),
			place: "Folkets hus",
			...values,
		})
		.returning();
	return row!;
}

/** A goal of an organisation (or, with `initiativeId`, of a joint initiative) in a focus area, with its areas row and version 1. */
export async function createGoal(db: Db, programmeId: string, focusAreaId: string, values: Partial<typeof s.goals.$inferInsert> = {}) {
	const owner = values.organisationId || values.initiativeId ? {} : { organisationId: (await createOrganisation(db)).id };
	const [row] = await db
		.insert(s.goals)
		.values({ programmeId, focusAreaId, title: `Mål ${unique()}`, periodStart: "2019-01-01", periodEnd: "2022-12-31", ...owner, ...values })
		.returning();
	await db.insert(s.goalFocusAreas).values({ goalId: row!.id, focusAreaId });
	await db.insert(s.goalVersions).values({ goalId: row!.id, version: 1, snapshot: { title: row!.title, focusAreaIds: [focusAreaId], byOrganisationId: row!.organisationId } });
	return row!;
}

/** An indicator of a programme, followed in the focus areas given. */
export async function createIndicator(db: Db, programmeId: string, values: Partial<typeof s.indicators.$inferInsert> & { focusAreaIds?: string[] } = {}) {
	const { focusAreaIds = [], ...rest } = values;
	const [row] = await db
		.insert(s.indicators)
		.values({ programmeId, title: `Indikator ${unique()}`, unit: "procent", kind: rest.koladaKpi ? "kolada" : "own", ...rest })
		.returning();
	if (focusAreaIds.length) await db.insert(s.focusAreaIndicators).values(focusAreaIds.map((focusAreaId) => ({ focusAreaId, indicatorId: row!.id })));
	return row!;
}

/** A new client signed in as a user, as if they had entered a valid code. */
export async function clientAs(app: FastifyInstance, db: Db, userId: string): Promise<TestClient> {
	const client = new TestClient(app);
	await signInAs(client, db, userId);
	return client;
}

/** A new person (values as for createUser) and a client signed in as them. */
export async function signedInUser(app: FastifyInstance, db: Db, values: Parameters<typeof createUser>[1] = {}) {
	const user = await createUser(db, values);
	return { client: await clientAs(app, db, user.id), user };
}

/** A client signed in as a new admin of the organisation that coordinates the programme. */
export async function signedInCoordinator(app: FastifyInstance, db: Db, coordinatorId: string): Promise<TestClient> {
	return (await signedInUser(app, db, { memberOf: { organisationId: coordinatorId, role: "admin" } })).client;
}

/** Leaves the identity cookie the e-ID callback would leave after proving this personal identity number. */
export function signInWithEid(client: TestClient, config: Config, pin: string): void {
	const proven = parsePersonalNumber(pin);
	if (!proven.ok) throw new Error(`not a personal identity number: ${pin}`);
	client.cookies.set(identityCookie, seal(config.sessionSecret, identityCookie, proven.value, eidTtlMs));
}
