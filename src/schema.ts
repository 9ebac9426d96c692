// Every table, for drizzle-kit and for code that needs the whole schema (tests, seeding): it gathers the modules' schema
// files, so it belongs to the composition layer, not to core (src/db knows no module).
// Schema files may import each other's tables for foreign keys; all other code goes through a module's index.ts.
export * from "./modules/accounts/accounts.schema.js";
export * from "./modules/decisions/decisions.schema.js";
export * from "./modules/focus-areas/focus-areas.schema.js";
export * from "./modules/mail/mail.schema.js";
export * from "./modules/organisations/organisations.schema.js";
export * from "./modules/programmes/programmes.schema.js";
export * from "./modules/proposals/proposals.schema.js";
export * from "./modules/votes/votes.schema.js";
export * from "./modules/inputs/inputs.schema.js";
export * from "./modules/surveys/surveys.schema.js";
export * from "./modules/workshops/workshops.schema.js";
export * from "./modules/ideas/ideas.schema.js";
export * from "./modules/indicators/indicators.schema.js";
export * from "./modules/initiatives/initiatives.schema.js";
export * from "./modules/goals/goals.schema.js";
export * from "./modules/collaboration/collaboration.schema.js";
export * from "./modules/arenas/arenas.schema.js";
export * from "./modules/branding/branding.schema.js";
