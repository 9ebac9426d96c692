export type { VerifiedPin } from "./eid.pin.js";
export { eidRoutes, forgetIdentity, verifiedIdentity } from "./eid.routes.js";
export { eidStartUrl } from "./eid.service.js";
