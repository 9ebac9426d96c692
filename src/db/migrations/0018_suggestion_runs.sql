CREATE TABLE "suggestion_members" (
	"suggestion_id" uuid NOT NULL,
	"input_id" uuid NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "suggestion_members_suggestion_id_input_id_pk" PRIMARY KEY("suggestion_id","input_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"scope" text DEFAULT 'all' NOT NULL,
	"scope_value" text,
	"requested_k" integer,
	"seed" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"input_count" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"words" jsonb NOT NULL,
	"quote_ids" jsonb NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"theme_id" uuid
);
--> statement-breakpoint
ALTER TABLE "suggestion_members" ADD CONSTRAINT "suggestion_members_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_members" ADD CONSTRAINT "suggestion_members_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_runs" ADD CONSTRAINT "suggestion_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_run_id_suggestion_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."suggestion_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_members_input" ON "suggestion_members" USING btree ("input_id");--> statement-breakpoint
CREATE INDEX "suggestions_run" ON "suggestions" USING btree ("run_id");