import { z } from "zod";
import { optionalText } from "../../ui/fields.js";
import { msg } from "../../ui/messages.js";
import { contrastRatio, passingShade, shownRatio, textContrast } from "./branding.colour.js";

/** The page's own colours the chosen ones are checked against (site.css: --paper and --tint). */
export const paper = "#ffffff";
export const tint = "#f3f5f7";

/**
 * A colour typed as #rrggbb (or #rgb), refused when `background` text pairs with it below WCAG AA: the message says
 * the ratio, what is needed and the nearest shade that passes, so the administrator can take it or pick another.
 */
const colour = (background: string, failing: string) =>
	z
		.string()
		.trim()
		.toLowerCase()
		.optional()
		.transform((v) => (v ? v.replace(/^#?([0-9a-f])([0-9a-f])([0-9a-f])$/, "#$1$1$2$2$3$3").replace(/^([0-9a-f]{6})$/, "#$1") : null))
		.refine((v) => v === null || /^#[0-9a-f]{6}$/.test(v), "branding.error.colourFormat")
		.superRefine((v, ctx) => {
			if (v === null || !/^#[0-9a-f]{6}$/.test(v)) return;
			const ratio = contrastRatio(v, background);
			if (ratio >= textContrast) return;
			const shade = passingShade(v, background);
			const params = { colour: v, ratio: shownRatio(ratio), kvot: shownRatio(ratio).replace(".", ","), needed: "4.5", kravs: "4,5", shade };
			ctx.addIssue({ code: "custom", message: msg(failing, params) });
		});

/** The look form: the site's name and its two colours. */
export const lookInput = z.object({
	name: optionalText(80),
	// White text on the brand colour (header, buttons), and the brand colour as text on white (secondary buttons).
	brandColour: colour(paper, "branding.error.brandContrast"),
	// Links sit on white and on the tinted panels; the tint is the darker, so it decides.
	linkColour: colour(tint, "branding.error.linkContrast"),
});

/** The logo's text alternative, required with a logo: the name the logo shows, as a screen reader should say it. */
export const logoInput = z.object({ logoAlt: z.string({ error: "error.required" }).trim().min(1, "branding.error.altRequired").max(200, msg("error.tooLong", { max: 200 })) });
