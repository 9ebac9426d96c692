import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";

/** Name of the checkbox group that chooses the focus areas following an indicator. */
export const areasField = "focusAreaIds";

/** The indicator form; a Kolada KPI id is a capital N or U and five digits, e.g. N01951 or U00405. */
export const indicatorInput = z.object({
	title: requiredText(200),
	unit: optionalText(50),
	description: optionalText(2000),
	koladaKpi: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v.toUpperCase() : null))
		.refine((v) => v === null || /^[NU]\d{5}$/.test(v), "indicator.error.kpi"),
});
