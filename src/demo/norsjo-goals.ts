// The demo's goals: Norsjö kommun's overarching goals for the mandate period 2019–2022 in all six focus areas
// (plausible, clearly demo, set by KF in March 2019), and goals of the other demo organisations in overlapping areas.
// Entered through the goals module's services, as a member of each organisation would, so that versions,
// status history and checks are exactly what the forms produce.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { changeGoalStatus, createGoalFor, createSubGoal, saveGoalActivity } from "../modules/goals/index.js";
import type { Viewer } from "../ui/context.js";

type Status = (typeof s.goalStatuses)[number];
type DemoGoal = {
	area: number;
	title: string;
	description: string;
	expectedResult: string;
	responsible: string;
	period?: [string, string];
	indicator?: { title: string; unit: string; value: string; year: string };
	/** Status changes after the start, oldest first. */
	statuses?: { status: Status; on: string; reason: string }[];
	subGoals?: { unit: string; title: string; description: string; responsible: string }[];
	activities?: { title: string; startsOn: string; endsOn: string; status: Status; owner: string }[];
};

/**
 * Indicators the programme follows, one or more per focus area: Kolada key figures (N01951 is Kolada's population
 * figure; the others carry demo ids and titles, marked "(demo)") whose values come from the demo's Kolada fixtures,
 * and one organisation's own measure. Malå (2418) is the peer municipality compared with.
 */
export const demoIndicators = [
	{ title: "Andel som får svar på e-post inom en arbetsdag (demo)", unit: "%", area: 1, koladaKpi: "U00442", baseline: ["84", 2018], target: ["95", 2024], better: "higher" },
	{ title: "Elever i åk 9 som är behöriga till gymnasiets yrkesprogram (demo)", unit: "%", area: 0, koladaKpi: "N15428", baseline: ["86.2", 2018], target: ["92", 2024], better: "higher" },
	{
		title: "Barn och unga 7–20 år aktiva i föreningslivet (demo)",
		unit: "antal",
		area: 5,
		measuredHow: "Föreningarnas medlemsregister den 31 december, medlemmar 7–20 år folkbokförda i kommunen.",
		reportedBy: "Norsjö föreningsråd",
		baseline: ["480", 2018],
		target: ["600", 2022],
		better: "higher",
	},
	{ title: "Fossilfria fordon i kommunens fordonsflotta (demo)", unit: "%", area: 3, koladaKpi: "N07403", baseline: ["14", 2018], target: ["60", 2025], better: "higher" },
	{ title: "Invånare totalt", unit: "antal", area: 2, koladaKpi: "N01951", baseline: ["4094", 2018], target: ["4100", 2030], better: "higher" },
	{ title: "Invånare som känner sig trygga utomhus på kvällen (demo)", unit: "%", area: 4, koladaKpi: "U07460", baseline: ["82", 2018], target: ["88", 2026], better: "higher" },
] as const;

const mandate: [string, string] = ["2019-04-01", "2022-12-31"];

/** Norsjö kommun's overarching goals 2019–2022, two per focus area in area order. */
export const municipalGoals: DemoGoal[] = [
	{
		area: 0,
		title: "Alla barn och unga klarar skolan",
		description: "Skolan, socialtjänsten och föreningslivet samarbetar så att varje elev får det stöd som behövs.",
		expectedResult: "Fler elever i åk 9 är behöriga till gymnasiet 2022 än 2018.",
		responsible: "Barn- och utbildningschef",
		indicator: { title: demoIndicators[1]!.title, unit: "%", value: "90", year: "2022" },
		statuses: [{ status: "on_track", on: "2020-06-30", reason: "Behörigheten ökade läsåret 2019/20." }],
		subGoals: [
			{ unit: "Barn- och utbildningsförvaltningen", title: "Läsfrämjande insatser i alla byskolor", description: "Läsombud och bokcirklar i Bastuträsk, Norsjö och Kusfors.", responsible: "Rektor, Norsjö skola" },
		],
		activities: [{ title: "Läxhjälp två kvällar i veckan på biblioteket", startsOn: "2019-09-01", endsOn: "2022-06-15", status: "on_track", owner: "Norsjö bibliotek" }],
	},
	{
		area: 0,
		title: "Äldre känner sig delaktiga och trygga",
		description: "Fler mötesplatser för äldre i byarna och digital delaktighet för den som vill.",
		expectedResult: "Andelen äldre som upplever social gemenskap ökar.",
		responsible: "Socialchef",
		statuses: [{ status: "at_risk", on: "2020-10-01", reason: "Mötesplatserna stängdes under pandemin." }],
	},
	{
		area: 1,
		title: "Snabba svar och gott bemötande",
		description: "Den som kontaktar kommunen får snabbt svar och ett gott bemötande, oavsett kanal.",
		expectedResult: "Minst 90 % får svar på e-post inom en arbetsdag.",
		responsible: "Kommunchef",
		indicator: { title: demoIndicators[0]!.title, unit: "%", value: "90", year: "2022" },
		statuses: [
			{ status: "on_track", on: "2019-12-31", reason: "Ny rutin för e-post i alla förvaltningar." },
			{ status: "achieved", on: "2022-12-31", reason: "92 % fick svar inom en arbetsdag 2022." },
		],
	},
	{
		area: 1,
		title: "Enklare för företag att få tillstånd",
		description: "En väg in för företagare och kortare handläggningstider för bygglov och serveringstillstånd.",
		expectedResult: "Handläggningstiden för bygglov halveras.",
		responsible: "Samhällsbyggnadschef",
		statuses: [{ status: "on_track", on: "2021-03-31", reason: "Företagslots införd." }],
	},
	{
		area: 2,
		title: "Fler unga väljer att stanna eller flytta tillbaka",
		description: "Praktik, sommarjobb och kontakt med hemkommunen under studietiden.",
		expectedResult: "Nettoinflyttningen bland 20–34-åringar är positiv.",
		responsible: "Näringslivschef",
		statuses: [{ status: "at_risk", on: "2021-12-31", reason: "Utflyttningen bland 20–24-åringar fortsätter." }],
		activities: [{ title: "Sommarjobb för alla 16–18-åringar som söker", startsOn: "2019-06-01", endsOn: "2022-08-31", status: "on_track", owner: "Arbetsmarknadsenheten" }],
	},
	{
		area: 2,
		title: "Kommunen är en attraktiv arbetsgivare",
		description: "Heltid som norm, friskvård och möjlighet att arbeta på distans där verksamheten tillåter.",
		expectedResult: "Sjukfrånvaron minskar och fler söker lediga tjänster.",
		responsible: "Personalchef",
		statuses: [{ status: "on_track", on: "2020-12-31", reason: "Heltid som norm infört i vård och omsorg." }],
	},
	{
		area: 3,
		title: "Minskade utsläpp från kommunens fordon",
		description: "Kommunens fordon går på förnybart bränsle eller el.",
		expectedResult: "Hälften av kommunens fordon är fossilfria 2022.",
		responsible: "Teknisk chef",
		indicator: { title: demoIndicators[3]!.title, unit: "%", value: "50", year: "2022" },
		statuses: [{ status: "off_track", on: "2021-06-30", reason: "Leveranserna av elbilar är försenade." }],
	},
	{
		area: 3,
		title: "Rena sjöar och vattendrag",
		description: "Enskilda avlopp inventeras och åtgärdas kring Norsjön och Bastuträsket.",
		expectedResult: "Alla enskilda avlopp i strandnära lägen är inventerade.",
		responsible: "Miljö- och hälsoskyddsinspektör",
	},
	{
		area: 4,
		title: "Trygga vägar till skolan",
		description: "Belysta gång- och cykelvägar och säkra busshållplatser i byarna.",
		expectedResult: "Fler elever går eller cyklar till skolan.",
		responsible: "Teknisk chef",
		statuses: [{ status: "on_track", on: "2020-11-30", reason: "Tre busshållplatser har fått belysning." }],
	},
	{
		area: 4,
		title: "Grannsamverkan i alla byar",
		description: "Kommunen stöttar byaföreningarna att starta grannsamverkan tillsammans med polisen.",
		expectedResult: "Grannsamverkan finns i alla byar med byaförening.",
		responsible: "Säkerhetssamordnare",
	},
	{
		area: 5,
		title: "Fler barn och unga i föreningslivet",
		description: "Föreningsbidrag som gynnar barn- och ungdomsverksamhet och samåkning till träningar.",
		expectedResult: "Fler barn och unga 7–20 år är aktiva i en förening.",
		responsible: "Fritidschef",
		indicator: { title: demoIndicators[2]!.title, unit: "antal", value: "600", year: "2022" },
		statuses: [{ status: "on_track", on: "2020-12-31", reason: "Fler medlemmar i skid- och fotbollsklubbarna." }],
	},
	{
		area: 5,
		title: "Leder och spår året runt",
		description: "Skoterleder, skidspår och vandringsleder hålls i skick och är lätta att hitta.",
		expectedResult: "Leder och spår är skyltade och rustade.",
		responsible: "Fritidschef",
		statuses: [{ status: "at_risk", on: "2021-09-30", reason: "Brist på ideella krafter för ledröjning." }],
	},
];

/** Goals of the other demo organisations, in areas they chose, with the demo person who enters them. */
export const actorGoals: { organisation: string; email: string; goals: DemoGoal[] }[] = [
	{ organisation: "Norsjö Skidklubb (demo)", email: "skidklubben@norsjo.example", goals: [
		{
			area: 5,
			title: "Skidskola för alla barn i åk 1–3",
			description: "Gratis skidskola på söndagar för barn i åk 1–3, med lånade skidor för den som behöver.",
			expectedResult: "Hälften av alla barn i åk 1–3 har provat skidskolan.",
			responsible: "Ungdomsansvarig",
			period: ["2019-11-01", "2022-04-30"],
			statuses: [{ status: "on_track", on: "2020-04-30", reason: "80 barn deltog första säsongen." }],
		},
	] },
	{ organisation: "Norsjö Trä AB (demo)", email: "tra@norsjo.example", goals: [
		{
			area: 2,
			title: "Tio nya lärlingsplatser till 2022",
			description: "Lärlingsplatser i samarbete med gymnasiets bygg- och anläggningsprogram.",
			expectedResult: "Tio lärlingar har fått anställning.",
			responsible: "Produktionschef",
			period: ["2019-06-01", "2022-12-31"],
		},
		{
			area: 3,
			title: "Fossilfria transporter av virke",
			description: "Virkestransporterna körs på HVO eller el.",
			expectedResult: "Alla egna transporter är fossilfria.",
			responsible: "Logistikchef",
			period: ["2019-06-01", "2024-12-31"],
			statuses: [{ status: "on_track", on: "2021-12-31", reason: "Hela den egna flottan tankar HVO." }],
		},
	] },
	{ organisation: "Norsjö skola (demo)", email: "skolan@norsjo.example", goals: [
		{
			area: 5,
			title: "Skolan öppen för föreningar på kvällar",
			description: "Idrottshall och slöjdsalar lånas ut till föreningar kvällar och helger.",
			expectedResult: "Minst fem föreningar använder skolans lokaler varje vecka.",
			responsible: "Rektor",
			period: ["2019-09-01", "2022-06-30"],
		},
	] },
];

/** A demo person for an organisation, its admin and contact, used to enter the organisation's goals. */
async function demoMember(tx: Db, organisationId: string, email: string, name: string): Promise<Viewer> {
	const [user] = await tx.insert(s.users).values({ email, name }).onConflictDoNothing().returning();
	const id = user?.id ?? (await tx.select().from(s.users).where(eq(s.users.email, email)))[0]!.id;
	await tx.insert(s.memberships).values({ userId: id, organisationId, role: "admin", isContact: true }).onConflictDoNothing();
	return { id, email, name, isAdministrator: false, memberships: [{ organisationId, role: "admin" }] };
}

function ensureSaved(result: { ok: boolean }, what: string): void {
	if (!result.ok) throw new Error(`the demo could not save ${what}`);
}

/** Enters one organisation's goals, their sub-goals, activities and status changes; returns the goals' ids by title. */
async function enterGoals(tx: Db, viewer: Viewer, organisationId: string, goals: DemoGoal[], areaIds: string[], indicatorIds: Map<string, string>, decisionItemId: string | null) {
	const ids = new Map<string, string>();
	for (const g of goals) {
		const [start, end] = g.period ?? mandate;
		const result = await createGoalFor(tx, viewer, { organisationId }, {
			title: g.title,
			description: g.description,
			focusAreaId: areaIds[g.area]!,
			periodStart: start,
			periodEnd: end,
			responsible: g.responsible,
			decisionItemId: decisionItemId ?? "",
			expectedResult: g.expectedResult,
			targetIndicatorId: g.indicator ? indicatorIds.get(g.indicator.title)! : "",
			targetValue: g.indicator?.value ?? "",
			targetYear: g.indicator?.year ?? "",
		});
		ensureSaved(result, g.title);
		const goalId = (result as { ok: true; id: string }).id;
		ids.set(g.title, goalId);
		for (const sub of g.subGoals ?? []) {
			ensureSaved(
				await createSubGoal(tx, viewer, goalId, { ...sub, parentId: goalId, focusAreaId: areaIds[g.area]!, periodStart: start, periodEnd: end, expectedResult: "" }),
				sub.title,
			);
		}
		for (const a of g.activities ?? []) ensureSaved(await saveGoalActivity(tx, viewer, goalId, null, { ...a, description: "" }), a.title);
		for (const c of g.statuses ?? []) ensureSaved(await changeGoalStatus(tx, viewer, goalId, { status: c.status, changedOn: c.on, reason: c.reason }), `${g.title}: ${c.status}`);
	}
	return ids;
}

/** Loads the demo's indicators, KF's decision on the overarching goals and every organisation's goals (inside seedDemo's transaction). */
export async function seedNorsjoGoals(tx: Db, programmeId: string): Promise<void> {
	const [programme] = await tx.select().from(s.programmes).where(eq(s.programmes.id, programmeId));
	const kommunId = programme!.coordinatorId!;
	const areas = await tx.select().from(s.focusAreas).where(eq(s.focusAreas.programmeId, programmeId)).orderBy(s.focusAreas.position);
	const areaIds = areas.map((a) => a.id);

	// As the coordinator would choose it in the indicator form, from the demo's Kolada fixtures (municipality_groups.json).
	const demoPeerGroup = { id: "G900417", title: "Glesbygdskommuner i Västerbotten (demo)", memberIds: ["2403", "2418", "2422"] };
	const indicators = await tx
		.insert(s.indicators)
		.values(
			demoIndicators.map((i) => ({
				programmeId,
				title: i.title,
				unit: i.unit,
				description: "Demo: ett nyckeltal som programmet följer upp.",
				// A Kolada indicator's gender split and municipalities' names come with the demo's sync from the fixtures.
				...("koladaKpi" in i ? { kind: "kolada" as const, koladaKpi: i.koladaKpi, peerMunicipalities: demoPeerGroup.memberIds, peerGroup: demoPeerGroup } : { measuredHow: i.measuredHow, reportedBy: i.reportedBy }),
				baselineValue: i.baseline[0],
				baselineYear: i.baseline[1],
				targetValue: i.target[0],
				targetYear: i.target[1],
				better: i.better,
			})),
		)
		.returning();
	await tx.insert(s.focusAreaIndicators).values(indicators.map((i, n) => ({ indicatorId: i.id, focusAreaId: areaIds[demoIndicators[n]!.area]! })));
	const indicatorIds = new Map(indicators.map((i) => [i.title, i.id]));

	const [kf] = await tx
		.select()
		.from(s.decisionBodies)
		.where(and(eq(s.decisionBodies.organisationId, kommunId), eq(s.decisionBodies.name, "Kommunfullmäktige")));
	const [meeting] = await tx.insert(s.meetings).values({ bodyId: kf!.id, heldOn: "2019-03-25" }).returning();
	const [item] = await tx
		.insert(s.decisionItems)
		.values({
			meetingId: meeting!.id,
			paragraph: 23,
			caseNumber: "KS-19/00111",
			title: "Övergripande mål 2019–2022 inom Framtidsprogrammets fokusområden (demo)",
			background: "Kommunstyrelsen beslutade 2019-02-04 § 16 att Norsjö kommun verkar inom samtliga sex fokusområden och att kommunfullmäktige fastställer övergripande mål inom dem. (Demo: målen och paragrafnumret är påhittade.)",
			points: ["Kommunfullmäktige fastställer de övergripande målen för mandatperioden 2019–2022 enligt bilaga."],
			decidedOn: "2019-03-25",
			isKey: true,
		})
		.returning();

	const coordinator = await demoMember(tx, kommunId, "samordnare@norsjo.example", "Samordnare (demo)");
	await enterGoals(tx, coordinator, kommunId, municipalGoals, areaIds, indicatorIds, item!.id);
	for (const a of actorGoals) {
		const [org] = await tx.select().from(s.organisations).where(eq(s.organisations.name, a.organisation));
		const member = await demoMember(tx, org!.id, a.email, `Kontaktperson, ${a.organisation}`);
		await enterGoals(tx, member, org!.id, a.goals, areaIds, indicatorIds, null);
	}
}

/**
 * Dates the demo's goal history as if it had been kept since 2019 (it is entered today): each version on the day
 * its status changed, or else the day the goal's period began. Run after every demo goal is entered.
 */
export async function dateDemoGoalHistory(tx: Db, programmeId: string): Promise<void> {
	await tx.execute(sql`
		update ${s.goalVersions} v set changed_at = (coalesce((v.snapshot->>'statusChangedOn')::date, g.period_start) + time '10:00') at time zone 'Europe/Stockholm'
		from ${s.goals} g where g.id = v.goal_id and g.programme_id = ${programmeId}`);
	await tx.execute(sql`
		update ${s.goalStatusChanges} c set created_at = (c.changed_on + time '10:00') at time zone 'Europe/Stockholm'
		from ${s.goals} g where g.id = c.goal_id and g.programme_id = ${programmeId}`);
}
