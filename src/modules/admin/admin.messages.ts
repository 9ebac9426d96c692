import type { Messages } from "../../i18n/messages.js";

export const adminMessages: Messages = {
	sv: {},
	en: {},
};
