import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "postgresql",
	// Modules whose tables src/schema.ts does not gather are listed beside it.
	schema: ["./src/schema.ts", "./src/modules/synthesis/synthesis.schema.ts", "./src/modules/synthesis/traceability.schema.ts", "./src/modules/synthesis/suggest.schema.ts", "./src/modules/proposals/proposal-themes.schema.ts", "./src/modules/followup/followup.schema.ts"],
	out: "./src/db/migrations",
});
