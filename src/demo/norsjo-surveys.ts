// Demo data: the survey "Vad tycker du om Norsjöbygden" with 550 made-up answers (about 30 % on paper),
// generated from small phrase lists with a fixed seed so that every demo database holds the same answers.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { addInputs } from "../modules/inputs/index.js";
import { seededRandom } from "../lib/seeded-random.js";

const localities: [string, number][] = [
	["Norsjö", 52],
	["Bastuträsk", 14],
	["Kusfors", 6],
	["Petiknäs", 5],
	["Petikträsk", 5],
	["Norsjövallen", 6],
	["Annan ort", 12],
];
const ageBands: [string, number][] = [
	["Under 18", 8],
	["18–29", 14],
	["30–44", 22],
	["45–64", 32],
	["65–79", 19],
	["80 eller äldre", 5],
];
const relations = ["Bor här", "Arbetar här", "Fritidsboende", "Har bott här", "Vill flytta hit"];

/** Per focus area (in the demo's order): what residents like today, and what they want to change. */
const topics: { good: string[]; better: string[] }[] = [
	{
		good: ["att alla känner alla och bryr sig om varandra", "den lilla skolan där lärarna ser varje barn", "gemenskapen när något behöver göras"],
		better: ["mer stöd till unga som mår dåligt", "fler mötesplatser för äldre", "att nya invånare tas emot och får vara med", "att barnen kan gå kvar i skolan i byn"],
	},
	{
		good: ["att man får hjälp snabbt när man ringer kommunen", "biblioteket och den fina servicen där", "att vårdcentralen finns nära"],
		better: ["längre öppettider i affären", "bättre mobiltäckning och fiber i byarna", "fler bussturer till Skellefteå och Umeå", "att det går att få tid på vårdcentralen samma vecka"],
	},
	{
		good: ["att det finns jobb inom gruvan och skogen", "företagare som ställer upp för bygden", "att det är nära till arbetet"],
		better: ["fler lediga bostäder för den som vill flytta hit", "jobb för den som följer med sin partner hit", "att ungdomar får sommarjobb i kommunen", "lärlingsplatser i de lokala företagen"],
	},
	{
		good: ["den rena luften och tystnaden", "skogen, sjöarna och älven", "att man ser norrskenet från trappan"],
		better: ["bättre sortering av sopor vid återvinningen", "laddstolpar för elbilar", "att skogen sköts så att stigarna finns kvar", "mindre nedskräpning vid badplatserna"],
	},
	{
		good: ["att det är tryggt att låta barnen cykla själva", "grannar som håller koll på varandra", "att man kan lämna dörren olåst"],
		better: ["bättre gatubelysning på vägen till skolan", "plogning av byvägarna tidigare på morgonen", "att polisen syns oftare", "säkrare övergångsställen vid affären"],
	},
	{
		good: ["skoterlederna och skidspåren", "föreningslivet och idrottsplatsen", "Norsjö skidlift och elljusspåret"],
		better: ["fler aktiviteter för ungdomar på kvällarna", "ett öppet café eller en pub att träffas på", "konserter och teater några gånger per år", "att badhuset har öppet på helgerna"],
	},
];
const goodOpeners = ["Det bästa är", "Jag uppskattar", "Jag tycker mycket om", "Det som gör bygden bra är"];
const betterOpeners = ["Jag önskar", "Det behövs", "Bygden skulle bli bättre med", "Satsa på"];
const placeTails = ["", "", "", " i {place}", " här i {place}", ", särskilt i {place}"];

/** Adds the demo survey and its 550 answers; free texts go to the pool of inputs tagged with their focus area. */
export async function seedNorsjoSurveys(db: Db, programmeId: string, focusAreaIds: string[]): Promise<void> {
	const random = seededRandom(2018);
	const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
	const weighted = (list: [string, number][]) => {
		let r = random() * list.reduce((sum, [, w]) => sum + w, 0);
		for (const [value, w] of list) {
			r -= w;
			if (r < 0) return value;
		}
		return list[0]![0];
	};
	const [survey] = await db
		.insert(s.surveys)
		.values({
			programmeId,
			title: "Vad tycker du om Norsjöbygden",
			intro:
				"Demodata: enkäten finns i Norsjö kommuns framtidsprogram, men svaren här är påhittade och genererade för demonstrationen.\n\nBerätta vad du tycker om Norsjöbygden i dag och vad som skulle göra den ännu bättre. Svaren blir inspel till en ny vision.",
			anonymous: true,
			// The demo's answers are made up, so the survey may let them be quoted on the traceability pages.
			publishQuotes: true,
			status: "closed",
			opensAt: new Date("2018-09-03T06:00:00Z"),
			closesAt: new Date("2018-11-16T23:00:00Z"),
		})
		.returning();
	const surveyId = survey!.id;
	const sections = await db
		.insert(s.surveySections)
		.values([
			{ surveyId, position: 1, title: "Bygden i dag och i morgon" },
			{ surveyId, position: 2, title: "Om dig", description: "Frågorna om dig är frivilliga. De visar vilka delar av bygden och vilka åldrar som har svarat." },
		])
		.returning();
	const [main, about] = sections as [typeof s.surveySections.$inferSelect, typeof s.surveySections.$inferSelect];
	const areaNames = ["Människor, hälsa och skola", "Service och bemötande", "Jobb och arbetskraft", "Miljö och natur", "Trygghet", "Fritid och kultur"];
	const questionRows = await db
		.insert(s.surveyQuestions)
		.values([
			{ surveyId, sectionId: main.id, position: 1, kind: "rating" as const, text: "Hur trivs du i Norsjöbygden?", required: true, lowLabel: "Inte alls", highLabel: "Mycket bra" },
			{ surveyId, sectionId: main.id, position: 2, kind: "multiple" as const, text: "Vilka områden är viktigast för bygdens framtid?", maxChoices: 3 },
			{ surveyId, sectionId: main.id, position: 3, kind: "long_text" as const, text: "Vad är det bästa med Norsjöbygden i dag?", maxLength: 2000 },
			{ surveyId, sectionId: main.id, position: 4, kind: "long_text" as const, text: "Vad skulle göra Norsjöbygden ännu bättre?", maxLength: 2000 },
			{ surveyId, sectionId: about.id, position: 1, kind: "single" as const, background: "locality" as const, text: "Var bor du?" },
			{ surveyId, sectionId: about.id, position: 2, kind: "single" as const, background: "age_band" as const, text: "Hur gammal är du?" },
			{ surveyId, sectionId: about.id, position: 3, kind: "multiple" as const, background: "relation" as const, text: "Vilken är din relation till bygden?" },
		])
		.returning();
	const [rating, important, good, better, locality, age, relation] = questionRows as (typeof s.surveyQuestions.$inferSelect)[];
	const optionRows = await db
		.insert(s.surveyOptions)
		.values([
			...areaNames.map((label, i) => ({ questionId: important!.id, position: i + 1, label })),
			...localities.map(([label], i) => ({ questionId: locality!.id, position: i + 1, label })),
			...ageBands.map(([label], i) => ({ questionId: age!.id, position: i + 1, label })),
			...relations.map((label, i) => ({ questionId: relation!.id, position: i + 1, label })),
		])
		.returning();
	const optionOf = (questionId: string, label: string) => optionRows.find((o) => o.questionId === questionId && o.label === label)!.id;

	const firstDay = Date.UTC(2018, 8, 3);
	const days = 75;
	const responses: (typeof s.surveyResponses.$inferInsert)[] = [];
	const answers: (typeof s.surveyAnswers.$inferInsert)[] = [];
	const newInputs: Parameters<typeof addInputs>[1] = [];
	for (let n = 0; n < 550; n++) {
		const id = crypto.randomUUID();
		const place = weighted(localities);
		const ageBand = weighted(ageBands);
		const submittedOn = new Date(firstDay + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
		const where = place === "Annan ort" ? "Norsjöbygden" : place;
		responses.push({ id, surveyId, channel: random() < 0.3 ? "paper" : "web", submittedOn, locality: place, ageBand });
		answers.push({ responseId: id, questionId: rating!.id, number: pick([2, 3, 3, 4, 4, 4, 4, 5, 5, 1]) });
		const chosenAreas = [...new Set([Math.floor(random() * 6), Math.floor(random() * 6), Math.floor(random() * 6)])].slice(0, 1 + Math.floor(random() * 3));
		for (const a of chosenAreas) answers.push({ responseId: id, questionId: important!.id, optionId: optionOf(important!.id, areaNames[a]!) });
		answers.push({ responseId: id, questionId: locality!.id, optionId: optionOf(locality!.id, place) });
		answers.push({ responseId: id, questionId: age!.id, optionId: optionOf(age!.id, ageBand) });
		answers.push({ responseId: id, questionId: relation!.id, optionId: optionOf(relation!.id, place === "Annan ort" ? pick(["Fritidsboende", "Har bott här", "Vill flytta hit"]) : "Bor här") });
		if (random() < 0.25) answers.push({ responseId: id, questionId: relation!.id, optionId: optionOf(relation!.id, "Arbetar här") });
		for (const [question, kind] of [
			[good!, "good"],
			[better!, "better"],
		] as const) {
			if (random() < 0.15) continue;
			const topic = random() < 0.6 ? chosenAreas[0]! : Math.floor(random() * 6);
			const opener = pick(kind === "good" ? goodOpeners : betterOpeners);
			const text = `${opener} ${pick(topics[topic]![kind])}${pick(placeTails).replace("{place}", where)}.`;
			const answerId = crypto.randomUUID();
			answers.push({ id: answerId, responseId: id, questionId: question.id, text });
			newInputs.push({ source: "survey", sourceId: answerId, text, occurredOn: submittedOn, locality: place, ageBand, focusAreaId: focusAreaIds[topic] ?? null });
		}
	}
	await db.insert(s.surveyResponses).values(responses);
	for (let i = 0; i < answers.length; i += 2000) await db.insert(s.surveyAnswers).values(answers.slice(i, i + 2000));
	await addInputs(db, newInputs);
}

/** The demo survey's history: the coordinator opened it in September 2018 and closed it after its closing time. */
export async function seedNorsjoSurveyHistory(db: Db, programmeId: string): Promise<void> {
	const [survey] = await db.select().from(s.surveys).where(eq(s.surveys.programmeId, programmeId));
	const [coordinator] = await db.select().from(s.users).where(eq(s.users.email, "samordnare@norsjo.example"));
	await db.insert(s.surveyEvents).values([
		{ surveyId: survey!.id, kind: "opened", at: survey!.opensAt!, byUserId: coordinator!.id, closesAt: survey!.closesAt },
		{ surveyId: survey!.id, kind: "closed", at: new Date("2018-11-19T07:30:00Z"), byUserId: coordinator!.id, closesAt: survey!.closesAt },
	]);
}
