import type { Messages } from "../../i18n/messages.js";

export const accountsMessages: Messages = {
	sv: {},
	en: {},
};
