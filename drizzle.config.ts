import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "postgresql",
	// Modules whose tables db/schema.ts does not gather (core imports no module) are listed beside it.
	schema: ["./src/db/schema.ts", "./src/modules/synthesis/synthesis.schema.ts", "./src/modules/followup/followup.schema.ts"],
	out: "./src/db/migrations",
});
