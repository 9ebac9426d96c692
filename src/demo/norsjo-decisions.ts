// The decisions of the Norsjöbygden demo: KS 2019-01-07 § 14 and 2019-02-04 §§ 15–16 with their texts from the
// protocol, Magnus Eriksson's (S) amendment and its outcome, KF's adoption, the coordinator history, and a few
// other organisations (clearly marked demo) that adopted the vision later.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { focusAreas as demoAreas } from "./norsjo.js";

const distribution = ["Katarzyna Wikström", "Eleonore Hedman", "Inger Johansson"];

const background15 = [
	"Kommunstyrelsen beslutade i juni 2018 att inleda en arbetsprocess för att stärka Norsjöbygden så att dagens och morgondagens utmaningar klaras av bättre. Arbetet kallas Framtidsprogrammet. Beslutet fattades mot bakgrund av att Norsjö, liksom hälften av landets kommuner, krymper i befolkningsantal och det innebär utmaningar för hela samhället. Trots de fördelar kommunen har och alla goda insatser som görs av olika aktörer fortsätter befolkningen att krympa.",
	"Med Framtidsprogrammet har Norsjö kommun tagit initiativ till en process vars syfte är att kraftsamla inför utmaningarna och hitta en gemensam vision för Norsjöbygden som delas med andra aktörer och medborgare.",
	"Under de senaste månaderna har omkring 20 % av Norsjös invånare tagit del i olika aktiviteter såsom enkäter och framtidsverkstäder och gett inspel till en ny vision och viktiga utvecklingsområden. Dessa inspel utgör grunden för den nya visionen.",
	"Visionsförslagen har lagts ut för publik omröstning. Det förslag som Norsjöborna röstar fram kommer att bli ny vision för Norsjöbygden. Visionsfullmäktige 2019-02-04 fattar beslut om att anta visionen för organisationen Norsjö kommuns räkning. Andra organisationer kan fatta motsvarande beslut för sin organisation och verksamhet.",
	"Under perioden 8 – 20 januari har fem förslag varit ute för publik omröstning. Det visionsförslag som fått flest röster är förslag nummer 5 Världens bästa vardag.",
	"Arbetsgruppen i Framtidsprogrammet förordar att det visionsförslag som vunnit omröstningen antas av de aktörer som vill ställa sig bakom den nya visionen för Norsjöbygden. Därmed finns en väl förankrad grund för ett fortsatt framgångsrikt framtidsarbete.",
].join("\n\n");

const background14 = [
	"Norsjöbygdens nya vision ska byggas underifrån och gälla Norsjöbygden som helhet. Olika slags aktörer i samhället ska kunna ställa sig bakom den. Varje visionsförslag åtföljs av ett antal fokusområden som är av särskild betydelse i arbetet att nå visionen.",
	"Norsjö kommuns eget målarbete bör kugga i de fokusområden som klargörs i och med att ny vision röstas fram. Inom ramen för Norsjö kommuns eget målarbete görs uppföljning av hur Norsjö kommun bidrar till visionen, exempelvis med relevanta delar inom KKiK.",
].join("\n\n");

const background16 = [
	"Den vision som arbetats fram för Norsjöbygden baseras på och förtydligas av 6 fokusområden som är en sammanställning av vad Norsjöbygden inom ramen för Framtidsprogrammet identifierat som gemensamma områden att samlas kring för att nå visionen.",
	"Syftet med dessa fokusområden är att skapa arenor för medborgare, näringsliv, föreningsliv, offentlig sektor och övriga aktörer att träffas, kraftsamla och samverka. Varje aktör väljer själv vilket eller vilka områden man verkar inom utifrån vilka områden man upplever sig passa in i.",
	"Norsjö kommun är en av de målsättande aktörerna. För det fortsatta arbetet inom Framtidsprogrammet behöver Norsjö kommun välja ut vilka områden som kommunen ska verka inom och där sätta upp mål för kommunens arbete i form av övergripande mål. Dessa mål fastställs av kommunfullmäktige i mars 2019.",
].join("\n\n");

const amendedSubtext = "Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet, mod och ny teknik välkomnar vi besökare, bosättare och etablerare.";

/** Other organisations that adopted the vision later: demo names, demo decisions, their own chosen focus areas. */
const laterAdopters = [
	{ name: "Norsjö Skidklubb (demo)", type: "association" as const, body: "Styrelsen", heldOn: "2019-04-15", paragraph: 7, areas: [5] },
	{ name: "Norsjö Trä AB (demo)", type: "company" as const, body: "Styrelsen", heldOn: "2019-05-20", paragraph: 3, areas: [2, 3] },
	{ name: "Norsjö skola (demo)", type: "other" as const, body: "Skolrådet", heldOn: "2019-09-10", paragraph: 4, areas: [0, 5] },
];

/** Loads the demo's decision bodies, meetings, items, motions, links and adoptions (inside seedDemo's transaction). */
export async function seedNorsjoDecisions(tx: Db, programmeId: string): Promise<void> {
	const [programme] = await tx.select().from(s.programmes).where(eq(s.programmes.id, programmeId));
	const kommunId = programme!.coordinatorId!;
	const proposals = await tx.select().from(s.visionProposals).where(eq(s.visionProposals.programmeId, programmeId));
	const [vision] = await tx.select().from(s.visionTexts).where(eq(s.visionTexts.programmeId, programmeId));
	const [vote] = await tx.select().from(s.votes).where(eq(s.votes.programmeId, programmeId));
	const areas = await tx.select().from(s.focusAreas).where(eq(s.focusAreas.programmeId, programmeId)).orderBy(s.focusAreas.position);
	const winner = proposals.find((p) => p.number === 5)!;

	const [ks, kf] = await tx
		.insert(s.decisionBodies)
		.values([
			{ organisationId: kommunId, name: "Kommunstyrelsen" },
			{ organisationId: kommunId, name: "Kommunfullmäktige" },
		])
		.returning();
	// Norsjö's council adopts the vision; only its decisions may change the vision's text.
	await tx.update(s.programmes).set({ visionBodyId: kf!.id }).where(eq(s.programmes.id, programmeId));
	const [ksJan, ksFeb, kfFeb] = await tx
		.insert(s.meetings)
		.values([
			{ bodyId: ks!.id, heldOn: "2019-01-07" },
			{ bodyId: ks!.id, heldOn: "2019-02-04" },
			{ bodyId: kf!.id, heldOn: "2019-02-04" },
		])
		.returning();

	const [p14, p15, p16, kfItem] = await tx
		.insert(s.decisionItems)
		.values([
			{
				meetingId: ksJan!.id,
				paragraph: 14,
				title: "Framtidsprogrammet – visionsprocessen",
				background: background14,
				points: [
					"Den redovisade visionsprocessen godkänns.",
					"Den publika omröstningen är rådgivande.",
					"Norsjö kommuns eget målarbete tar visionens tematiska områden som utgångspunkt.",
					"De redovisade fem förslagen överlämnas till kommunfullmäktige.",
				],
				distribution,
				decidedOn: "2019-01-07",
				isKey: true,
			},
			{
				meetingId: ksFeb!.id,
				paragraph: 15,
				caseNumber: "KS-18/01483",
				title: "Ny vision för Norsjöbygden",
				background: background15,
				proposedDecision: "Norsjö kommun antar visionen som fått flest röster.",
				points: ["Norsjö kommun antar visionen Världens bästa vardag.", `Förslag 5 – Världens bästa vardag får följande undertext: ${amendedSubtext}`],
				distribution,
				decidedOn: "2019-02-04",
			},
			{
				meetingId: ksFeb!.id,
				paragraph: 16,
				caseNumber: "KS-19/00111",
				title: "Gemensamma fokusområden för att nå visionen",
				background: background16,
				points: [
					"Norsjö kommun ställer sig bakom arbetet i Framtidsprogrammets fokusområden.",
					`Norsjö kommun väljer att verka inom samtliga sex fokusområden: ${demoAreas.map((a) => a.name).join(", ")}.`,
					"Kommunfullmäktige kommer att fastställa övergripande mål inom ovan utvalda områden.",
				],
				distribution,
				decidedOn: "2019-02-04",
			},
			{
				meetingId: kfFeb!.id,
				paragraph: 5,
				caseNumber: "KS-18/01483",
				title: "Ny vision för Norsjöbygden",
				background: "Kommunstyrelsen föreslår 2019-02-04 § 15 att kommunfullmäktige antar visionen Världens bästa vardag med ändrad undertext. (Demo: paragrafnumret i fullmäktige är påhittat.)",
				proposedDecision: "Kommunstyrelsens förslag till kommunfullmäktige enligt KS 2019-02-04 § 15.",
				points: ["Norsjö kommun antar visionen Världens bästa vardag för Norsjö kommuns räkning.", `Visionens undertext lyder: ${amendedSubtext}`],
				distribution,
				decidedOn: "2019-02-04",
				isKey: true,
			},
		])
		.returning();

	await tx.insert(s.motions).values({
		itemId: p15!.id,
		memberName: "Magnus Eriksson",
		party: "S",
		kind: "amend",
		text: "Norsjö kommun antar visionen Världens bästa vardag. Förslag 5 – Världens bästa vardag får följande undertext.",
		proposalId: winner.id,
		amendedText: amendedSubtext,
		outcome: "bifall",
		visionTextId: vision!.id,
	});
	const bilaga = Buffer.from(`Norsjöbygdens gemensamma fokusområden (demo)\n\n${demoAreas.map((a) => `${a.name}: ${a.description}`).join("\n")}\n`);
	await tx.insert(s.decisionDocuments).values([
		{ itemId: p15!.id, title: "Kommunstyrelsen 2019-01-07 § 14", url: `/beslut/paragrafer/${p14!.id}` },
		{ itemId: kfItem!.id, title: "Kommunstyrelsen 2019-02-04 § 15", url: `/beslut/paragrafer/${p15!.id}` },
		{
			itemId: p16!.id,
			title: "Norsjöbygdens gemensamma fokusområden, bilaga (demo)",
			fileName: "fokusomraden-bilaga.txt",
			contentType: "text/plain",
			data: bilaga,
			size: bilaga.length,
		},
	]);

	const link = (item: { id: string }, recordType: string, recordId: string) => ({ itemId: item.id, recordType, recordId });
	await tx.insert(s.decisionLinks).values([
		...(vote ? [link(p14!, "vote", vote.id), link(p15!, "vote", vote.id)] : []),
		...proposals.map((p) => link(p14!, "proposal", p.id)),
		link(p15!, "proposal", winner.id),
		link(kfItem!, "proposal", winner.id),
		...areas.map((a) => link(p16!, "focus_area", a.id)),
	]);

	await tx.update(s.adoptions).set({ itemId: kfItem!.id }).where(and(eq(s.adoptions.programmeId, programmeId), eq(s.adoptions.organisationId, kommunId)));
	await tx.insert(s.programmeCoordinators).values({ programmeId, organisationId: kommunId, fromDate: "2018-06-01" });

	for (const a of laterAdopters) {
		const [org] = await tx.insert(s.organisations).values({ name: a.name, type: a.type, description: "Demoorganisation i Norsjöbygden." }).returning();
		const [body] = await tx.insert(s.decisionBodies).values({ organisationId: org!.id, name: a.body }).returning();
		const [meeting] = await tx.insert(s.meetings).values({ bodyId: body!.id, heldOn: a.heldOn }).returning();
		const [item] = await tx
			.insert(s.decisionItems)
			.values({
				meetingId: meeting!.id,
				paragraph: a.paragraph,
				title: "Anta visionen för Norsjöbygden (demo)",
				background: "Demo: styrelsen har tagit del av Framtidsprogrammet och visionen Världens bästa vardag.",
				points: [`${a.name} antar visionen Världens bästa vardag för sin verksamhet.`, `${a.name} verkar inom fokusområdena ${a.areas.map((i) => demoAreas[i]!.name).join(" och ")}.`],
				decidedOn: a.heldOn,
			})
			.returning();
		await tx.insert(s.decisionLinks).values(a.areas.map((i) => link(item!, "focus_area", areas[i]!.id)));
		await tx.insert(s.focusAreaActors).values(a.areas.map((i) => ({ focusAreaId: areas[i]!.id, organisationId: org!.id })));
		await tx.insert(s.adoptions).values({ programmeId, organisationId: org!.id, decidedOn: a.heldOn, body: a.body, reference: `§ ${a.paragraph}`, itemId: item!.id });
	}
}
