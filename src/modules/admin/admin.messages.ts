import type { Messages } from "../../i18n/messages.js";

export const adminMessages: Messages = {
	sv: {
		"admin.title": "Administration",
		"admin.back": "Tillbaka till administrationen",
		"admin.sections": "Programmet",
		"admin.installation": "Installationen",
		"admin.link.programme": "Programmet och dess faser",
		"admin.link.organisations": "Organisationer",
		"admin.link.focusAreas": "Fokusområden",
		"admin.link.proposals": "Visionsförslag",
		"admin.link.users": "Personer och roller",
		"admin.link.outbox": "Utkorgen (skickad e-post)",
	},
	en: {
		"admin.title": "Administration",
		"admin.back": "Back to the administration",
		"admin.sections": "The programme",
		"admin.installation": "The installation",
		"admin.link.programme": "The programme and its phases",
		"admin.link.organisations": "Organisations",
		"admin.link.focusAreas": "Focus areas",
		"admin.link.proposals": "Vision proposals",
		"admin.link.users": "People and roles",
		"admin.link.outbox": "The outbox (e-mail sent)",
	},
};
