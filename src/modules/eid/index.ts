import { registerMessages } from "../../i18n/messages.js";
import { eidMessages } from "./eid.messages.js";
export type { VerifiedPin } from "./eid.pin.js";
export { eidRoutes, forgetIdentity, verifiedIdentity } from "./eid.routes.js";
export { eidStartUrl } from "./eid.service.js";

registerMessages(eidMessages);
