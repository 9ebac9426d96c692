// The demo's follow-up: the round for 2021, completed and published with accounts from several organisations, and the
// final round of the 2019–2022 mandate open for reports. Accounts and values are written for the demo.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { buildReport } from "../modules/followup/index.js";
import { followupRounds, goalReportFiles, goalReports } from "../modules/followup/followup.schema.js";
import { evidenceType } from "../modules/followup/followup.uploads.js";

type DemoReport = {
	goal: string;
	status: (typeof s.goals.$inferSelect)["status"];
	account: string;
	evidence?: string[];
	/** Files given as evidence: name and text content. */
	files?: [string, string][];
	ownValue?: [string, number];
	override?: { state: "on_track" | "at_risk" | "off_track"; reason: string };
};

/** What the organisations reported for 2021 (one organisation, the school, did not report). */
export const reports2021: DemoReport[] = [
	{ goal: "Alla barn och unga klarar skolan", status: "on_track", account: "Läxhjälpen på biblioteket har haft i snitt 25 elever per kväll. Läsombud finns nu i alla tre byskolor.\n\nAndelen behöriga till yrkesprogram ökade, men pandemin gör att vi följer årskursen noga." },
	{ goal: "Snabba svar och gott bemötande", status: "at_risk", account: "Ett gemensamt ärendesystem infördes i maj. Svarstiderna blev längre under införandet men har nu vänt.", evidence: ["https://www.norsjo.se/demo/kommunstyrelsen-2022-02-14"] },
	{ goal: "Minskade utsläpp från kommunens fordon", status: "on_track", account: "Sex nya elbilar ersatte dieselbilar i hemtjänsten. Laddstolpar finns vid kommunhuset och vid Norsjö skola." },
	{
		goal: "Fler barn och unga i föreningslivet",
		status: "at_risk",
		account: "Föreningsrådet räknade 540 aktiva medlemmar 7–20 år den 31 december 2021. Flera föreningar tappade medlemmar under pandemin.",
		ownValue: ["540", 2021],
		override: { state: "at_risk", reason: "Två föreningar har ännu inte rapporterat sina medlemmar; siffran är troligen något högre." },
	},
	{ goal: "Grannsamverkan i alla byar", status: "on_track", account: "Grannsamverkan har startat i Bastuträsk, Kusfors och Norsjövallen; åtta byar återstår." },
	{
		goal: "Skidskola för alla barn i åk 1–3",
		status: "on_track",
		account: "Säsongen 2020/21 deltog 92 barn, varav 30 lånade skidor. Snöbrist stoppade tre söndagar.",
		evidence: ["https://norsjoskidklubb.example/verksamhetsberattelse-2021"],
		files: [["Deltagare skidskolan 2020-21.csv", "Årskurs;Barn;Lånade skidor\n1;34;13\n2;31;9\n3;27;8\nSumma;92;30\n"]],
	},
	{ goal: "Tio nya lärlingsplatser till 2022", status: "on_track", account: "Sju lärlingar har anställts sedan 2019, tre under 2021." },
	{ goal: "Fossilfria transporter av virke", status: "achieved", account: "Hela den egna flottan kör på HVO sedan hösten 2021. Kvar är inhyrda transporter." },
];

/** A few reports already given in the open final round, so that the coordinator sees who is behind. */
export const reports2022: DemoReport[] = [
	{ goal: "Skidskola för alla barn i åk 1–3", status: "achieved", account: "Över hälften av barnen i åk 1–3 har nu provat skidskolan: 118 barn säsongen 2021/22." },
	{ goal: "Minskade utsläpp från kommunens fordon", status: "on_track", account: "Ytterligare fyra elbilar i hemtjänsten; andelen fossilfria fordon är nu över 40 %." },
];

async function enterReports(tx: Db, roundId: string, programmeId: string, reports: DemoReport[], reportedAt: Date): Promise<void> {
	const goals = await tx
		.select({ id: s.goals.id, title: s.goals.title, organisationId: s.goals.organisationId })
		.from(s.goals)
		.where(and(eq(s.goals.programmeId, programmeId), inArray(s.goals.title, reports.map((r) => r.goal))));
	const contacts = await tx.select({ userId: s.memberships.userId, organisationId: s.memberships.organisationId }).from(s.memberships).where(eq(s.memberships.isContact, true));
	await tx.insert(goalReports).values(
		reports.map((r) => {
			const goal = goals.find((g) => g.title === r.goal);
			if (!goal) throw new Error(`the demo has no goal ${r.goal}`);
			return {
				roundId,
				goalId: goal.id,
				organisationId: goal.organisationId!,
				status: r.status,
				account: r.account,
				evidence: r.evidence ?? [],
				ownValue: r.ownValue?.[0] ?? null,
				ownValueYear: r.ownValue?.[1] ?? null,
				progressOverride: r.override?.state ?? null,
				overrideReason: r.override?.reason ?? "",
				reportedBy: contacts.find((c) => c.organisationId === goal.organisationId)?.userId ?? null,
				reportedAt,
			};
		}),
	);
	const files = reports.flatMap((r) => (r.files ?? []).map(([fileName, text]) => ({ goal: goals.find((g) => g.title === r.goal)!, fileName, data: Buffer.from(text) })));
	if (files.length === 0) return;
	await tx.insert(goalReportFiles).values(
		files.map((f) => ({ roundId, goalId: f.goal.id, fileName: f.fileName, contentType: evidenceType(f.data, f.fileName)!, size: f.data.length, data: f.data, uploadedAt: reportedAt })),
	);
}

/** Loads the demo's rounds (inside seedDemo's transaction, after the goals and indicator values). */
export async function seedNorsjoFollowup(tx: Db, programmeId: string): Promise<void> {
	const [round2021] = await tx
		.insert(followupRounds)
		.values({ programmeId, title: "Uppföljning 2021", periodStart: "2021-01-01", periodEnd: "2021-12-31", deadline: "2022-02-28", openedAt: new Date("2022-01-10T09:00:00+01:00") })
		.returning();
	await enterReports(tx, round2021!.id, programmeId, reports2021, new Date("2022-02-20T10:00:00+01:00"));
	const publishedAt = new Date("2022-03-15T10:00:00+01:00");
	const report = await buildReport(tx, { ...round2021!, publishedAt });
	await tx.update(followupRounds).set({ publishedAt, publishedReport: report }).where(eq(followupRounds.id, round2021!.id));

	// The final round of the mandate is open whenever the demo is loaded: its deadline is eight weeks ahead.
	const deadline = new Date(Date.now() + 56 * 86_400_000).toISOString().slice(0, 10);
	const [round2022] = await tx
		.insert(followupRounds)
		.values({ programmeId, title: "Slutuppföljning 2019–2022", periodStart: "2022-01-01", periodEnd: "2022-12-31", deadline, openedAt: new Date() })
		.returning();
	await enterReports(tx, round2022!.id, programmeId, reports2022, new Date());
}
