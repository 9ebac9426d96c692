import type { Messages } from "../../i18n/messages.js";

export const pagesMessages: Messages = {
	sv: {},
	en: {},
};
