import { z } from "zod";
import { choice, optionalDecimal, optionalText, optionalYear } from "../../ui/fields.js";
import { betterDirections } from "./indicators.schema.js";

/** Name of the checkbox group that chooses the focus areas following an indicator. */
export const areasField = "focusAreaIds";

const notANumber = "indicator.error.notANumber";

/**
 * The indicator form. With a Kolada KPI id (a capital N or U and five digits, e.g. N01951) it is a Kolada key figure,
 * whose title and description may be left for Kolada's own; without, it is the organisation's own measure.
 * Peer municipalities are Kolada ids of four digits, separated by commas or spaces.
 */
export const indicatorInput = z
	.object({
		title: optionalText(200),
		unit: optionalText(50),
		description: optionalText(2000),
		koladaKpi: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v.toUpperCase() : null))
			.refine((v) => v === null || /^[NU]\d{5}$/.test(v), "indicator.error.kpi"),
		peerMunicipalities: z
			.string()
			.optional()
			.transform((v) => [...new Set((v ?? "").split(/[\s,;]+/).filter(Boolean))])
			.refine((ids) => ids.every((id) => /^\d{4}$/.test(id)), "indicator.error.municipalityFormat")
			.refine((ids) => ids.length <= 50, "indicator.error.tooManyMunicipalities"),
		peerGroup: optionalText(200),
		measuredHow: optionalText(2000),
		reportedBy: optionalText(200),
		baselineValue: optionalDecimal(notANumber),
		baselineYear: optionalYear(),
		targetValue: optionalDecimal(notANumber),
		targetYear: optionalYear(),
		better: z
			.string()
			.optional()
			.transform((v) => v || null)
			.pipe(choice(betterDirections).nullable()),
	})
	.superRefine((v, ctx) => {
		const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
		if (!v.koladaKpi && !v.title) fail("title", "error.required");
		if (v.baselineValue !== null && v.baselineYear === null) fail("baselineYear", "indicator.error.yearNeeded");
		if (v.targetValue !== null && v.targetYear === null) fail("targetYear", "indicator.error.yearNeeded");
		if (v.targetValue !== null && v.better === null) fail("better", "indicator.error.directionNeeded");
		if (v.targetYear !== null && v.baselineYear !== null && v.targetYear < v.baselineYear) fail("targetYear", "indicator.error.targetBeforeBaseline");
	});

/** What the indicator form gives when filled in right. */
export type IndicatorInput = z.output<typeof indicatorInput>;
