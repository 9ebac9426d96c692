import { registerMessages } from "../../i18n/messages.js";
import { mailMessages } from "./mail.messages.js";
export { mailRoutes } from "./mail.routes.js";
export { forgetRecipient, type Mail, onMailSent, sendMail } from "./mail.service.js";

registerMessages(mailMessages);
