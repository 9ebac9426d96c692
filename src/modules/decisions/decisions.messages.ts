import type { Messages } from "../../i18n/messages.js";

export const decisionsMessages: Messages = {
	sv: {
		"adoption.caption": "Organisationer som har antagit visionen ({count})",
		"adoption.organisation": "Organisation",
		"adoption.decidedOn": "Beslutsdatum",
		"adoption.body": "Beslutande organ",
		"adoption.reference": "Diarienummer eller paragraf",
		"adoption.noReference": "Saknas",
		"adoption.none": "Ingen organisation har antagit visionen ännu.",
		"adoption.notAdopted": "Organisationen har inte antagit visionen.",
		"adoption.adopted": "Antog visionen den {date} ({body}).",
		"adoption.adoptedWithReference": "Antog visionen den {date} ({body}, {reference}).",
	},
	en: {
		"adoption.caption": "Organisations that have adopted the vision ({count})",
		"adoption.organisation": "Organisation",
		"adoption.decidedOn": "Date of decision",
		"adoption.body": "Decision-making body",
		"adoption.reference": "Reference or paragraph",
		"adoption.noReference": "None",
		"adoption.none": "No organisation has adopted the vision yet.",
		"adoption.notAdopted": "The organisation has not adopted the vision.",
		"adoption.adopted": "Adopted the vision on {date} ({body}).",
		"adoption.adoptedWithReference": "Adopted the vision on {date} ({body}, {reference}).",
	},
};
