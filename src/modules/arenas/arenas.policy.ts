// Who may do what with arena meetings: everyone reads them and their calendars; the coordinator plans them in every
// focus area, and an organisation's members in the focus areas their organisation works in.
import { type Actor, allow, signedIn } from "../../lib/actor.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";

type Ref = { id: string; name: string };

/** What decides where a person plans: who they are, whether they coordinate, every focus area and those their organisations work in. */
export type Planner = Actor & { areas: Ref[]; theirAreas: { id: string }[] };

/** The focus areas a person may plan arena meetings in: every one for the coordinator, else those their organisations work in. */
export function plannableAreas({ viewer, coordinates, areas, theirAreas }: Planner): Ref[] {
	if (!viewer) return [];
	return coordinates ? areas : areas.filter((a) => theirAreas.some((m) => m.id === a.id));
}

/** Whether a person may create and change the arena meetings of a focus area. */
export function mayPlanIn(planner: Planner, focusAreaId: string): boolean {
	return plannableAreas(planner).some((a) => a.id === focusAreaId);
}

/** Throws (401 signed out, 403 otherwise) unless the person may plan meetings in the focus area. */
export function requirePlanner(planner: Planner, focusAreaId: string): Viewer {
	return allow(planner.viewer, mayPlanIn(planner, focusAreaId));
}

/** Throws (401 signed out, 403 otherwise) unless the person may plan somewhere; gives the areas they may plan in. */
export function requireSomeArea(planner: Planner): Ref[] {
	const areas = plannableAreas(planner);
	allow(planner.viewer, areas.length > 0);
	return areas;
}

/** The area asked for among those the person may plan in (401 signed out); one they may not plan in is forbidden if it exists, else not found. */
export function requireAreaToPlan(planner: Planner, areaId: string): Ref {
	signedIn(planner.viewer);
	const isAsked = (a: Ref) => a.id === areaId.toLowerCase();
	const area = plannableAreas(planner).find(isAsked);
	if (area) return area;
	allow(planner.viewer, !planner.areas.some(isAsked));
	throw notFound();
}
