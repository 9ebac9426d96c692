CREATE TABLE "indicator_values" (
	"indicator_id" uuid NOT NULL,
	"municipality" text NOT NULL,
	"year" integer NOT NULL,
	"gender" text DEFAULT 'T' NOT NULL,
	"value" numeric,
	"status" text DEFAULT '' NOT NULL,
	"previous_value" numeric,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_municipality_year_gender_pk" PRIMARY KEY("indicator_id","municipality","year","gender")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "kind" text DEFAULT 'own' NOT NULL;--> statement-breakpoint
-- Indicators given a Kolada id before kinds existed are Kolada key figures.
UPDATE "indicators" SET "kind" = 'kolada' WHERE "kolada_kpi" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "by_gender" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "peer_municipalities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "municipality_names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "measured_how" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "reported_by" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "baseline_value" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "baseline_year" integer;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "target_value" numeric;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "target_year" integer;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "better" text;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_kolada_kpi" CHECK (("indicators"."kind" = 'kolada') = ("indicators"."kolada_kpi" is not null));--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_target_after_baseline" CHECK ("indicators"."target_year" is null or "indicators"."baseline_year" is null or "indicators"."target_year" >= "indicators"."baseline_year");