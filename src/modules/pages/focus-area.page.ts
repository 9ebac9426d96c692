// A focus area's public page: the area and its actors (focus-areas), with what the later steps of the pipeline hold
// for it: goals, joint initiatives, indicators, arena meetings, decisions, the input behind it and the sections later
// modules register. It shows many modules at once, so it lives in the composition layer.
import { loadPageSections } from "../../ui/sections.js";
import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import type { Viewer } from "../../ui/context.js";
import { upcomingArenaMeetings } from "../arenas/index.js";
import { relatedGoalsInFocusArea } from "../collaboration/index.js";
import { decisionsConcerning } from "../decisions/index.js";
import { focusAreaPage, type PublicFocusArea } from "../focus-areas/index.js";
import { type GoalOwner, type GoalRow, goalsInFocusArea } from "../goals/index.js";
import { indicatorsInFocusArea } from "../indicators/index.js";
import { initiativesInFocusArea } from "../initiatives/index.js";
import { inputsBehindFocusArea } from "../inputs/index.js";

/** A goal owner's goals in a focus area, for the area's page. */
export type GoalGroup = { owner: GoalOwner; goals: GoalRow[] };

// Organisations first, then joint initiatives, each by name as Swedish sorts it.
function groupByOwner(goals: GoalRow[]): GoalGroup[] {
	const groups = new Map<string, GoalGroup>();
	for (const goal of goals) {
		const key = `${goal.owner.type}:${goal.owner.id}`;
		const group = groups.get(key) ?? { owner: goal.owner, goals: [] };
		group.goals.push(goal);
		groups.set(key, group);
	}
	const rank = (g: GoalGroup) => (g.owner.type === "organisation" ? 0 : 1);
	return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.owner.name.localeCompare(b.owner.name, "sv"));
}

/**
 * Everything a focus area's public page shows: the area and its actors, their goals grouped by owner, joint initiatives,
 * indicators, upcoming arena meetings and decisions; and for a member of an actor, other actors' goals like its own.
 */
export async function focusAreaPageData(db: Db, id: string, viewer: Viewer | null) {
	const area = await focusAreaPage(db, id);
	const [shared, related] = await Promise.all([publicAreaPage(db, area), relatedGoalsInFocusArea(db, area.id, viewer)]);
	return { ...shared, related };
}

function publicAreaPage(db: Db, area: PublicFocusArea) {
	return cachedRead(db, `focusAreas.page:${area.id}`, async () => {
		const [goals, initiatives, indicators, meetings, decisions, grounding, sections] = await Promise.all([
			goalsInFocusArea(db, area.id),
			initiativesInFocusArea(db, area.id),
			indicatorsInFocusArea(db, area.id),
			upcomingArenaMeetings(db, area.id),
			decisionsConcerning(db, [{ recordType: "focus_area", recordId: area.id }]),
			inputsBehindFocusArea(db, area.id),
			loadPageSections("focusArea", db, area.id),
		]);
		return { area, goalGroups: groupByOwner(goals), initiatives, indicators, meetings, decisions, grounding, sections };
	});
}
