// The interface's words in Swedish and English: core's own here; each module registers its messages file from its
// index.ts, so that assembling the app (src/app.ts) gathers them and core imports no module.
// Glossary: programme = framtidsprogram, focus area = fokusområde, input = inspel, workshop = framtidsverkstad,
// proposal = visionsförslag, motion = yrkande, adoption = antagande, follow-up = uppföljning.
import { commonMessages } from "../ui/common.messages.js";

/** Messages of one part of the interface, in every language. */
export type Messages = { sv: Record<string, string>; en: Record<string, string> };

/** Every part's messages, core's and the modules' registered so far, for the check that both languages have the same keys. */
export const registered: Messages[] = [commonMessages];

export const messages = {
	sv: Object.assign({}, ...registered.map((m) => m.sv)) as Record<string, string>,
	en: Object.assign({}, ...registered.map((m) => m.en)) as Record<string, string>,
};

/** Adds a module's messages; each module registers its own from its index.ts. */
export function registerMessages(m: Messages): void {
	registered.push(m);
	Object.assign(messages.sv, m.sv);
	Object.assign(messages.en, m.en);
}
