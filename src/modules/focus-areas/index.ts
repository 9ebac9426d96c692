import { registerMessages } from "../../i18n/messages.js";
import { focusAreasMessages } from "./focus-areas.messages.js";
export { focusAreasRoutes } from "./focus-areas.routes.js";
export { checkedValues } from "./focus-areas.input.js";
export {
	focusAreaChoices,
	focusAreaPage,
	focusAreasByOrganisation,
	focusAreasOf,
	focusAreasOfAny,
	type PublicFocusArea,
	setFocusAreasOf,
} from "./focus-areas.service.js";
export { CheckboxGroup, countText } from "./focus-areas.views.js";

registerMessages(focusAreasMessages);
