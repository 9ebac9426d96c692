import { registerMessages } from "../../i18n/messages.js";
import type { Db } from "../../db/client.js";
import type { Viewer } from "../../ui/context.js";
import { registerPageSection } from "../../ui/sections.js";
import { suggestMessages } from "./suggest.messages.js";
import { authorize } from "./synthesis.policy.js";
import { isAnalyst } from "./synthesis.repo.js";
import { synthesisMessages } from "./synthesis.messages.js";
import { traceabilityMessages } from "./traceability.messages.js";
import { focusAreaTrace, ideaTrace } from "./traceability.service.js";
import { IdeaTraceSection, TraceSection } from "./traceability.views.js";

registerMessages(synthesisMessages);
registerMessages(traceabilityMessages);
registerMessages(suggestMessages);
// A focus area's public page shows what it rests on: focus areas come before synthesis, so synthesis adds it.
registerPageSection("focusArea", "trace", { load: focusAreaTrace, View: ({ ctx, data }) => TraceSection({ ctx, trace: data }) });
// An idea's page shows where its words led: the public themes it (or its comments) went into, and what rests on them.
registerPageSection("idea", "trace", { load: ideaTrace, View: IdeaTraceSection });

export { synthesisRoutes } from "./synthesis.routes.js";
/** Import of a survey export from the command line. */
export { recordFileImport, runImport } from "./imports.service.js";
export { TableError } from "./synthesis.table.js";
/** A finished assisted-tagging run at once (for the demo). */
export { assistAtOnce } from "./suggest.service.js";
/** What vision proposals need to rest on themes: the links' form and saving, the public trace and the themes' pages. */
/** The trace's JSON for the API (a proposal's trace is served by the composition layer). */
export { traceJson, traceJsonSchema, traceTags } from "./traceability.api.js";
export { type Carried, registerThemeCarrier, focusAreaTrace, saveThemeLinks, type Trace, themeLinks, themeLinksField, traceOfThemes } from "./traceability.service.js";
export type { ThemeLinkTable } from "./traceability.repo.js";
/** Whether a signed-in person holds the analyst role (for the menu's link to the workspace). */
export const viewerIsAnalyst = (db: Db, viewer: Viewer) => isAnalyst(db, viewer.id);
/** Throws (401 signed out, 403 otherwise) unless the person is an analyst or the coordinator. */
export const requireAnalyst = (db: Db, viewer: Viewer | null) => authorize(db, viewer, "analyse");
export { ThemeLinksPage, TraceSection } from "./traceability.views.js";
