// Goal progress from an indicator's values: where the latest value stands against the straight line from the
// baseline to the target. The rule is shown beside every judgement, so anyone can check it.

/** What the numbers say about a goal. */
export const progressStates = ["on_track", "at_risk", "off_track", "no_data"] as const;
export type ProgressState = (typeof progressStates)[number];

export type Point = { value: number; year: number };

/** What progress is judged from: a baseline, a target, which way is better, and the latest value. */
export type ProgressInput = { baseline: Point | null; target: Point | null; better: "higher" | "lower" | null; latest: Point | null };

/** The judgement with the numbers behind it; expected is the value the straight line gives for the latest year. */
export type Progress = { state: ProgressState; expected: number | null; input: ProgressInput };

/** Share of the expected change below which a goal that moved the right way is off track rather than at risk. */
export const atRiskShare = 0.5;

/**
 * On track: the latest value is at or beyond the straight line from baseline to target for its year (or the target is
 * reached). At risk: it moved the right way, but less than the line expects and at least half of it. Off track: less
 * than half, or the wrong way. No data: a baseline, a target, a direction or a value after the baseline is missing.
 */
export function goalProgress(input: ProgressInput): Progress {
	const { baseline, target, better, latest } = input;
	if (!baseline || !target || !better || !latest || latest.year < baseline.year || target.year < baseline.year) {
		return { state: "no_data", expected: null, input };
	}
	const sign = better === "higher" ? 1 : -1;
	const span = target.year - baseline.year;
	const share = span === 0 ? 1 : Math.min(1, (latest.year - baseline.year) / span);
	const expected = baseline.value + (target.value - baseline.value) * share;
	const gained = sign * (latest.value - baseline.value);
	const wanted = sign * (expected - baseline.value);
	const state: ProgressState =
		sign * (latest.value - target.value) >= 0 || gained >= wanted ? "on_track" : gained > 0 && gained >= atRiskShare * wanted ? "at_risk" : "off_track";
	return { state, expected: Math.round(expected * 100) / 100, input };
}
