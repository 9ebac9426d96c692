// An own measure's values come with the follow-up rounds' reports, which goals may not import: follow-up registers how
// to read them when the app is assembled, and the goal's page asks through here.
import type { Db } from "../../db/client.js";

/** A value and the year it applies to. */
type Point = { value: number; year: number };
type OwnValues = (db: Db, goalId: string) => Promise<Point[]>;

let source: OwnValues = async () => [];

/** Tells goals where a goal's own measure's published values come from (oldest first). */
export function registerOwnMeasureValues(load: OwnValues): void {
	source = load;
}

/** A goal's own measure's values as published, oldest first; none until a later module registers where they are. */
export function ownMeasureValues(db: Db, goalId: string): Promise<Point[]> {
	return source(db, goalId);
}
