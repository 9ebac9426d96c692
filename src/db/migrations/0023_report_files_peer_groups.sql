CREATE TABLE "goal_report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "peer_group" jsonb;--> statement-breakpoint
ALTER TABLE "goal_report_files" ADD CONSTRAINT "goal_report_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_report_files" ADD CONSTRAINT "goal_report_files_report_fk" FOREIGN KEY ("round_id","goal_id") REFERENCES "public"."goal_reports"("round_id","goal_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_report_files_report" ON "goal_report_files" USING btree ("round_id","goal_id");