import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import type { Viewer } from "../../ui/context.js";
import { ideaParticipation } from "../ideas/index.js";
import { getProgramme, requireCoordinator } from "../programmes/index.js";
import { surveyParticipation } from "../surveys/index.js";
import { workshopParticipation } from "../workshops/index.js";

/** One activity's participants, each way of taking part counted apart. */
export type ActivityRow = {
	kind: "survey" | "workshop" | "ideas";
	id: string | null;
	title: string;
	/** Different signed-in people (one answer per person in a survey; authors, commenters and supporters of ideas). */
	signedIn: number;
	anonymous: number;
	paper: number;
	/** People counted at a workshop by its facilitator; null when not entered yet. */
	headcount: number | null;
	/** Places taken by sign-up (workshops only). */
	registered: number | null;
	total: number;
};

/** A row of a breakdown: surveys and workshops counted apart, and together. */
export type BreakdownRow = { label: string; surveys: number; workshops: number; total: number };

/** A month's participation. */
export type MonthRow = { month: string; surveys: number; workshops: number; ideas: number; total: number };

const add = (map: Map<string, BreakdownRow>, label: string, field: "surveys" | "workshops", n: number) => {
	const row = map.get(label) ?? { label, surveys: 0, workshops: 0, total: 0 };
	row[field] += n;
	row.total += n;
	map.set(label, row);
};

const sorted = (map: Map<string, BreakdownRow>) => [...map.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "sv"));

/** Counts participation across surveys, workshops and ideas, honestly: what can be de-duplicated is, the rest is shown apart. */
async function count(db: Db) {
	const programme = await getProgramme(db);
	const [surveys, workshops, ideaRows] = await Promise.all([surveyParticipation(db), workshopParticipation(db), ideaParticipation(db)]);

	const activities: ActivityRow[] = [];
	const signedIn = new Set<string>();
	const byLocality = new Map<string, BreakdownRow>();
	const byAgeBand = new Map<string, BreakdownRow>();
	const months = new Map<string, MonthRow>();
	const addToMonth = (day: string, field: "surveys" | "workshops" | "ideas", n: number) => {
		const m = day.slice(0, 7);
		const row = months.get(m) ?? { month: m, surveys: 0, workshops: 0, ideas: 0, total: 0 };
		row[field] += n;
		row.total += n;
		months.set(m, row);
	};

	for (const s of surveys) {
		const people = s.signedInUserIds.length;
		activities.push({ kind: "survey", id: s.surveyId, title: s.title, signedIn: people, anonymous: s.anonymousAnswers, paper: s.paperAnswers, headcount: null, registered: null, total: s.answers });
		for (const id of s.signedInUserIds) signedIn.add(id);
		for (const [k, n] of Object.entries(s.byLocality)) add(byLocality, k, "surveys", n);
		for (const [k, n] of Object.entries(s.byAgeBand)) add(byAgeBand, k, "surveys", n);
		for (const [day, n] of Object.entries(s.byDay)) addToMonth(day, "surveys", n);
	}
	for (const w of workshops) {
		const headcount = w.headcount ?? 0;
		activities.push({ kind: "workshop", id: w.workshopId, title: w.title, signedIn: 0, anonymous: 0, paper: 0, headcount: w.headcount, registered: w.registered, total: headcount });
		for (const [k, n] of Object.entries(w.localityCounts)) add(byLocality, k, "workshops", n);
		for (const [k, n] of Object.entries(w.ageBandCounts)) add(byAgeBand, k, "workshops", n);
		addToMonth(w.day, "workshops", headcount);
	}
	const ideaPeople = new Set(ideaRows.map((r) => r.userId));
	const ideaKinds = { idea: new Set<string>(), comment: new Set<string>(), support: new Set<string>() };
	const ideaMonths = new Map<string, Set<string>>();
	for (const r of ideaRows) {
		signedIn.add(r.userId);
		ideaKinds[r.kind].add(r.userId);
		const m = r.day.slice(0, 7);
		if (!ideaMonths.has(m)) ideaMonths.set(m, new Set());
		ideaMonths.get(m)!.add(r.userId);
	}
	if (ideaRows.length > 0) {
		activities.push({ kind: "ideas", id: null, title: "", signedIn: ideaPeople.size, anonymous: 0, paper: 0, headcount: null, registered: null, total: ideaPeople.size });
	}
	for (const [m, people] of ideaMonths) addToMonth(m, "ideas", people.size);

	const anonymous = activities.reduce((n, a) => n + a.anonymous, 0);
	const paper = activities.reduce((n, a) => n + a.paper, 0);
	const headcount = activities.reduce((n, a) => n + (a.headcount ?? 0), 0);
	const total = signedIn.size + anonymous + paper + headcount;
	return {
		population: programme.population,
		populationDate: programme.populationDate,
		activities,
		totals: { signedIn: signedIn.size, anonymous, paper, headcount, total, share: programme.population > 0 ? total / programme.population : 0 },
		ideaBreakdown: { authors: ideaKinds.idea.size, commenters: ideaKinds.comment.size, supporters: ideaKinds.support.size },
		byLocality: sorted(byLocality),
		byAgeBand: sorted(byAgeBand),
		months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
	};
}

/** The participation figures the public page shows. */
export async function publicParticipation(db: Db) {
	return cachedRead(db, "participation.public", () => count(db));
}

/** The same figures for the coordinator, fresh, with the details the public page leaves out. */
export async function coordinatorParticipation(db: Db, viewer: Viewer | null) {
	await requireCoordinator(db, viewer);
	return count(db);
}
