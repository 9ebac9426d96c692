import { registerMessages } from "../../i18n/messages.js";
import type { Db } from "../../db/client.js";
import { type NewInput, upsertInputs } from "./inputs.repo.js";
import { inputsMessages } from "./inputs.messages.js";

export type { Input, NewInput } from "./inputs.repo.js";
export { inputsRoutes } from "./inputs.routes.js";
/** The input a focus area is grounded in: how many visible inputs of each source are tied to it. */
export { countInputsBySource as inputsBehindFocusArea } from "./inputs.repo.js";
export { poolInsertStep } from "./inputs.repo.js";
/** The pool's table, its search and filters, for the modules that read the pool with their own conditions (synthesis). */
export { inputs as inputsTable, inputSources } from "./inputs.schema.js";
export { filters as inputFilters, inputLocalities } from "./inputs.repo.js";
export { type InputQuery, inputQuery } from "./inputs.input.js";

/** Adds free texts to the pool of inputs (or updates them: the same source and source id keep one stable input); works inside a transaction. */
export async function addInputs(db: Db, rows: NewInput[]): Promise<void> {
	await upsertInputs(
		db,
		rows.filter((r) => r.text.trim() !== "").map((r) => ({ ...r, text: r.text.trim() })),
	);
}

/** Hides or shows again the inputs of moderated items. */
export { setHidden as setInputsHidden } from "./inputs.repo.js";
/** Removes inputs whose source rows no longer hold text (e.g. an edited answer that was emptied). */
export { deleteInputs as removeInputs } from "./inputs.repo.js";

registerMessages(inputsMessages);
