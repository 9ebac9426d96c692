CREATE TABLE "followup_reminders" (
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_reminders_round_id_organisation_id_pk" PRIMARY KEY("round_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "followup_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"deadline" date NOT NULL,
	"opened_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_rounds_period" CHECK ("followup_rounds"."period_end" >= "followup_rounds"."period_start"),
	CONSTRAINT "followup_rounds_published" CHECK (("followup_rounds"."published_at" is null) = ("followup_rounds"."published_report" is null))
);
--> statement-breakpoint
CREATE TABLE "goal_reports" (
	"round_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"account" text NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"own_value" numeric,
	"own_value_year" integer,
	"progress_override" text,
	"override_reason" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_reports_round_id_goal_id_pk" PRIMARY KEY("round_id","goal_id"),
	CONSTRAINT "goal_reports_override_reason" CHECK ("goal_reports"."progress_override" is null or "goal_reports"."override_reason" <> ''),
	CONSTRAINT "goal_reports_own_value_year" CHECK (("goal_reports"."own_value" is null) = ("goal_reports"."own_value_year" is null))
);
--> statement-breakpoint
ALTER TABLE "followup_reminders" ADD CONSTRAINT "followup_reminders_round_id_followup_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."followup_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_reminders" ADD CONSTRAINT "followup_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_rounds" ADD CONSTRAINT "followup_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_round_id_followup_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."followup_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reports" ADD CONSTRAINT "goal_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_reports_organisation" ON "goal_reports" USING btree ("round_id","organisation_id");