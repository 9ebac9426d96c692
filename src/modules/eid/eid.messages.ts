import type { Messages } from "../../i18n/messages.js";

export const eidMessages: Messages = {
	sv: {
		"flash.eidVerified": "Du är identifierad med e-legitimation.",
		"eid.refused.title": "Identifieringen med e-legitimation gick inte igenom",
		"eid.refused.notConfigured": "Identifiering med e-legitimation är inte påslagen här.",
		"eid.refused.unavailable": "Tjänsten för e-legitimation svarar inte just nu. Försök igen om en stund.",
		"eid.refused.cancelled": "Du avbröt identifieringen. Inget har sparats.",
		"eid.refused.expired": "Identifieringen tog för lång tid eller startades i en annan webbläsare. Börja om.",
		"eid.refused.failed": "Svaret från tjänsten för e-legitimation kunde inte kontrolleras, så det godtogs inte. Börja om.",
		"eid.refused.noPin": "Tjänsten för e-legitimation skickade inget personnummer, så vi kan inte veta vem du är.",
		"eid.refused.badPin": "Tjänsten för e-legitimation skickade ett personnummer som inte är giltigt (tolv siffror med rätt kontrollsiffra).",
		"eid.refused.again": "Försök igen",
		"eid.refused.back": "Tillbaka",
	},
	en: {
		"flash.eidVerified": "You are identified with e-ID.",
		"eid.refused.title": "The e-ID identification did not go through",
		"eid.refused.notConfigured": "Identification with e-ID is not switched on here.",
		"eid.refused.unavailable": "The e-ID service is not answering right now. Please try again in a while.",
		"eid.refused.cancelled": "You cancelled the identification. Nothing has been stored.",
		"eid.refused.expired": "The identification took too long or was started in another browser. Please start again.",
		"eid.refused.failed": "The answer from the e-ID service could not be checked, so it was not accepted. Please start again.",
		"eid.refused.noPin": "The e-ID service sent no personal identity number, so we cannot tell who you are.",
		"eid.refused.badPin": "The e-ID service sent a personal identity number that is not valid (twelve digits with the right check digit).",
		"eid.refused.again": "Try again",
		"eid.refused.back": "Back",
	},
};
