// What each module contributes to features that span modules, registered when the app is assembled, so that no module
// imports one that comes after it in the pipeline (docs/architecture.md).
import { registerPersonalData } from "./lib/personal-data.js";
import { registerDecisionLinks } from "./modules/decisions/index.js";
import { focusAreaChoices } from "./modules/focus-areas/index.js";
import { listGoalTitles } from "./modules/goals/index.js";
import { forgetIdeasOf, ideasDataOf } from "./modules/ideas/index.js";
import { forgetRecipient } from "./modules/mail/index.js";
import { listProposals } from "./modules/proposals/index.js";
import { surveyAnswersOf } from "./modules/surveys/index.js";
import { listVoteTitles } from "./modules/votes/index.js";
import { forgetRegistrationsOf, registrationsOf } from "./modules/workshops/index.js";

export function registerContributions(): void {
	// A person's data download and account deletion; signed-in survey answers stay as anonymous answers (the database
	// unlinks them), so surveys only adds to the download.
	registerPersonalData("mail", { erase: (tx, person) => forgetRecipient(tx, person.email) });
	registerPersonalData("ideas", { download: (db, person) => ideasDataOf(db, person.id), erase: (tx, person) => forgetIdeasOf(tx, person.id) });
	registerPersonalData("workshops", {
		download: async (db, person) => ({ workshopRegistrations: await registrationsOf(db, person.email) }),
		erase: async (tx, person) => void (await forgetRegistrationsOf(tx, person.email)),
	});
	registerPersonalData("surveys", { download: async (db, person) => ({ surveyAnswers: await surveyAnswersOf(db, person.id) }) });

	// What a decision item can point at, named by each record's owner. Goals link themselves to the decision behind them
	// (from the goal form), so only those are offered.
	registerDecisionLinks("vote", { targets: async (db, programmeId) => (await listVoteTitles(db, programmeId)).map((v) => ({ id: v.id, label: v.title, number: null })) });
	registerDecisionLinks("proposal", { targets: async (db, programmeId) => (await listProposals(db, programmeId)).map((p) => ({ id: p.id, label: p.title, number: p.number })) });
	registerDecisionLinks("focus_area", { targets: async (db, programmeId) => (await focusAreaChoices(db, programmeId)).map((a) => ({ id: a.id, label: a.name, number: null })) });
	registerDecisionLinks("goal", { targets: async (db, programmeId) => (await listGoalTitles(db, programmeId)).map((g) => ({ id: g.id, label: g.title, number: null })), onlyLinked: true });
}
