// Demo data: future workshops in the villages in autumn 2018 with what the groups wrote and how many came,
// and some ideas with comments and supports. Every name is marked as demo; nothing here is real.
import type { Db } from "../db/client.js";
import * as s from "../schema.js";
import { addInputs } from "../modules/inputs/index.js";
import { stockholmInstant } from "../i18n/stockholm-time.js";

const questions = ["Vad är bäst med bygden i dag?", "Hur vill vi att bygden ska vara 2030?"];

/** What the tables wrote, per question; each workshop takes its own slice so the villages differ. */
const notes: [string[], string[]] = [
	[
		"Naturen runt knuten, skogen och sjöarna",
		"Alla känner alla och hjälper till",
		"Föreningslivet och bygdegården",
		"Tryggt för barnen att växa upp",
		"Nära till skoter- och skidspår",
		"Bra skola med små klasser",
		"Lugnet och tystnaden",
		"Fisket i älven",
		"Att man kan få jobb i gruvan och skogen",
		"Hemtjänsten som kommer ut i byarna",
	],
	[
		"Fler unga familjer som flyttar hit",
		"Bredband och mobiltäckning i hela kommunen",
		"En mötesplats för unga på kvällarna",
		"Bättre bussar till Skellefteå och Lycksele",
		"Lediga bostäder för den som vill flytta hit",
		"Affären i byn finns kvar",
		"Världens bästa vardag: nära till allt som betyder något",
		"Mer samarbete mellan byarna",
		"Ny teknik som gör det lätt att bo långt från stan",
		"Fler jobb för den som följer med sin partner hit",
	],
];

const ageBands = ["Under 18", "18–29", "30–44", "45–64", "65–79", "80 eller äldre"];
const ageWeights = [0.05, 0.12, 0.2, 0.33, 0.22, 0.08];

// Headcounts are tuned so that, with the survey's 550 answers and the idea participants below,
// the participation page shows about 20 % of the 4 094 residents, as in the real programme.
const workshops = [
	{ locality: "Norsjö", place: "Folkets hus", date: "2018-09-18", headcount: 86 },
	{ locality: "Bastuträsk", place: "Bygdegården", date: "2018-09-25", headcount: 55 },
	{ locality: "Kusfors", place: "Byastugan", date: "2018-10-02", headcount: 36 },
	{ locality: "Petiknäs", place: "Skolan", date: "2018-10-09", headcount: 28 },
	{ locality: "Petikträsk", place: "Bygdegården", date: "2018-10-16", headcount: 26 },
	{ locality: "Norsjövallen", place: "Stugan vid skidbacken", date: "2018-10-23", headcount: 24 },
];

const residents = ["Anna (demo)", "Bertil (demo)", "Cecilia (demo)", "David (demo)", "Elin (demo)", "Fredrik (demo)", "Greta (demo)", "Hassan (demo)"];

const ideas = [
	{ title: "Cykelväg mellan Norsjö och Bastuträsk (demo)", text: "En säker cykelväg skulle göra det lättare för unga att ta sig till skolan och jobbet, och locka turister på sommaren.", area: 3, author: 0, day: "2018-10-04", comments: [[1, "Ja! Och belysning längs vägen på vintern."], [4, "Kan den gå förbi badplatsen?"]], supporters: [1, 2, 3, 4, 5] },
	{ title: "Mötesplats för unga i Norsjö (demo)", text: "Ungdomar behöver ett ställe att vara på kvällarna, med wifi, fika och aktiviteter som de själva väljer.", area: 0, author: 2, day: "2018-10-12", comments: [[6, "Fritidsgården kunde ha öppet fler kvällar."]], supporters: [0, 6, 7] },
	{ title: "Välkomstpaket till nyinflyttade (demo)", text: "Kommunen och föreningarna tar fram ett välkomstpaket med information om jobb, bostäder, föreningar och fritid.", area: 2, author: 5, day: "2018-10-30", comments: [], supporters: [2, 3] },
	{ title: "Skoterled till Petiknäs (demo)", text: "En markerad skoterled skulle knyta ihop byarna och ge besökare fler skäl att stanna.", area: 5, author: 7, day: "2018-11-08", comments: [[3, "Bra för turismen, men tänk på renskötseln."]], supporters: [1] },
];

/** Splits a total into whole parts by weight, the parts summing to the total. */
function split(total: number, weights: number[]): number[] {
	const parts = weights.map((w) => Math.floor(total * w));
	parts[3]! += total - parts.reduce((a, b) => a + b, 0);
	return parts;
}

/** Adds the demo workshops with notes and headcounts, and the demo ideas with comments and supports. */
export async function seedNorsjoParticipation(db: Db, programmeId: string, focusAreaIds: string[]): Promise<void> {
	const [facilitator] = await db.insert(s.users).values({ email: "samtalsledare@norsjo.example", name: "Samtalsledare (demo)" }).returning();
	for (const [i, w] of workshops.entries()) {
		const [workshop] = await db
			.insert(s.workshops)
			.values({
				programmeId,
				title: `Framtidsverkstad i ${w.locality}`,
				startsAt: stockholmInstant(w.date, "18:00"),
				endsAt: stockholmInstant(w.date, "21:00"),
				place: w.place,
				locality: w.locality,
				description: `Välkommen till en kväll om bygdens framtid i ${w.locality}. Vi sitter vid bord i små grupper, byter bord efter en stund och skriver ner allt. Kaffe och smörgås bjuds det på. (Demo)`,
				capacity: w.headcount + 20,
				registration: i % 2 === 0 ? "headcount" : "none",
				facilitatorId: facilitator!.id,
				headcount: w.headcount,
				localityCounts: w.locality === "Norsjö" ? { Norsjö: w.headcount } : { [w.locality]: w.headcount - 4, Norsjö: 4 },
				ageBandCounts: Object.fromEntries(split(w.headcount, ageWeights).map((n, k) => [ageBands[k]!, n])),
				summary: `Grupperna i ${w.locality} lyfte gemenskapen och naturen som det bästa i dag, och bredband, bostäder och mötesplatser för unga som det viktigaste till 2030. (Demo)`,
			})
			.returning();
		const rows = [];
		for (const [g, group] of ["Bord 1", "Bord 2", "Bord 3"].entries()) {
			for (const [q, question] of questions.entries()) {
				for (let k = 0; k < 3; k++) {
					const list = notes[q as 0 | 1];
					rows.push({ workshopId: workshop!.id, groupLabel: group, question, text: list[(i * 3 + g * 2 + k) % list.length]!, enteredBy: facilitator!.id, enteredAt: stockholmInstant(w.date, "22:00") });
				}
			}
		}
		const stored = await db.insert(s.workshopNotes).values(rows).returning();
		await addInputs(db, stored.map((n) => ({ source: "workshop", sourceId: n.id, text: n.text, occurredOn: w.date, locality: w.locality })));
	}

	const users = await db
		.insert(s.users)
		.values(residents.map((name, i) => ({ email: `invanare${i + 1}@norsjo.example`, name })))
		.returning();
	for (const idea of ideas) {
		const createdAt = stockholmInstant(idea.day, "19:30");
		const [row] = await db
			.insert(s.ideas)
			.values({ programmeId, authorId: users[idea.author]!.id, title: idea.title, text: idea.text, focusAreaId: focusAreaIds[idea.area] ?? null, createdAt })
			.returning();
		await addInputs(db, [{ source: "idea", sourceId: row!.id, text: `${idea.title}\n\n${idea.text}`, occurredOn: idea.day, focusAreaId: row!.focusAreaId }]);
		for (const [n, [who, text]] of (idea.comments as [number, string][]).entries()) {
			// A comment an hour apart from the next, so that they read in the order written.
			const commentedAt = new Date(createdAt.getTime() + (n + 1) * 3_600_000);
			const [comment] = await db.insert(s.ideaComments).values({ ideaId: row!.id, authorId: users[who]!.id, text, createdAt: commentedAt }).returning();
			await addInputs(db, [{ source: "comment", sourceId: comment!.id, text, occurredOn: idea.day, focusAreaId: row!.focusAreaId }]);
		}
		if (idea.supporters.length) await db.insert(s.ideaSupports).values(idea.supporters.map((who) => ({ ideaId: row!.id, userId: users[who]!.id, createdAt })));
	}
}
