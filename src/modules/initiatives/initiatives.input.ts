import { z } from "zod";
import { optionalText, requiredText } from "../../ui/fields.js";

/** Longest texts the initiative forms accept (the invitation's message too); the forms state them. */
export const limits = { title: 200, description: 8000, message: 4000 };

/** Changing a joint initiative's title and description. */
export const initiativeInput = z.object({ title: requiredText(limits.title), description: optionalText(limits.description) });
