CREATE TABLE "inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"text" text NOT NULL,
	"occurred_on" date NOT NULL,
	"locality" text,
	"age_band" text,
	"focus_area_id" uuid,
	"hidden" boolean DEFAULT false NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('swedish', "inputs"."text")) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inputs_source_unique" UNIQUE("source","source_id")
);
--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inputs_search" ON "inputs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "inputs_occurred_on" ON "inputs" USING btree ("occurred_on");