// The interface's words in Swedish and English, gathered from each module's messages file.
// Glossary: programme = framtidsprogram, focus area = fokusområde, input = inspel, workshop = framtidsverkstad,
// proposal = visionsförslag, motion = yrkande, adoption = antagande, follow-up = uppföljning.
import { accountsMessages } from "../modules/accounts/accounts.messages.js";
import { adminMessages } from "../modules/admin/admin.messages.js";
import { apiMessages } from "../modules/api/api.messages.js";
import { arenasMessages } from "../modules/arenas/arenas.messages.js";
import { collaborationMessages } from "../modules/collaboration/collaboration.messages.js";
import { initiativesMessages } from "../modules/initiatives/initiatives.messages.js";
import { decisionsMessages } from "../modules/decisions/decisions.messages.js";
import { eidMessages } from "../modules/eid/eid.messages.js";
import { focusAreasMessages } from "../modules/focus-areas/focus-areas.messages.js";
import { goalsMessages } from "../modules/goals/goals.messages.js";
import { indicatorsMessages } from "../modules/indicators/indicators.messages.js";
import { mailMessages } from "../modules/mail/mail.messages.js";
import { organisationsMessages } from "../modules/organisations/organisations.messages.js";
import { pagesMessages } from "../modules/pages/pages.messages.js";
import { programmesMessages } from "../modules/programmes/programmes.messages.js";
import { proposalsMessages } from "../modules/proposals/proposals.messages.js";
import { surveysMessages } from "../modules/surveys/surveys.messages.js";
import { participationMessages } from "../modules/participation/participation.messages.js";
import { inputsMessages } from "../modules/inputs/inputs.messages.js";
import { ideasMessages } from "../modules/ideas/ideas.messages.js";
import { workshopsMessages } from "../modules/workshops/workshops.messages.js";
import { votesMessages } from "../modules/votes/votes.messages.js";
import { commonMessages } from "../ui/common.messages.js";

/** Messages of one part of the interface, in every language. */
export type Messages = { sv: Record<string, string>; en: Record<string, string> };

const all: Messages[] = [commonMessages, accountsMessages, adminMessages, apiMessages, decisionsMessages, eidMessages, focusAreasMessages, goalsMessages, indicatorsMessages, mailMessages, organisationsMessages, pagesMessages, programmesMessages, proposalsMessages, votesMessages, surveysMessages, workshopsMessages, ideasMessages, inputsMessages, participationMessages, arenasMessages, collaborationMessages, initiativesMessages];

export const messages = {
	sv: Object.assign({}, ...all.map((m) => m.sv)) as Record<string, string>,
	en: Object.assign({}, ...all.map((m) => m.en)) as Record<string, string>,
};

/** Adds a module's messages; a module that core does not import registers its own when it is loaded. */
export function registerMessages(m: Messages): void {
	Object.assign(messages.sv, m.sv);
	Object.assign(messages.en, m.en);
}
