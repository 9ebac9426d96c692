import type { Messages } from "../../i18n/messages.js";

export const apiMessages: Messages = {
	sv: {},
	en: {},
};
