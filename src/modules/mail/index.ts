export { mailRoutes } from "./mail.routes.js";
export { forgetRecipient, type Mail, sendMail } from "./mail.service.js";
