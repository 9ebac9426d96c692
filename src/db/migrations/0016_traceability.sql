CREATE TABLE "proposal_themes" (
	"proposal_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_themes_proposal_id_theme_id_pk" PRIMARY KEY("proposal_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "focus_area_themes" (
	"focus_area_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "focus_area_themes_focus_area_id_theme_id_pk" PRIMARY KEY("focus_area_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "publish_quotes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_themes" ADD CONSTRAINT "proposal_themes_proposal_id_vision_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."vision_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_themes" ADD CONSTRAINT "proposal_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_themes" ADD CONSTRAINT "proposal_themes_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area_themes" ADD CONSTRAINT "focus_area_themes_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area_themes" ADD CONSTRAINT "focus_area_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_area_themes" ADD CONSTRAINT "focus_area_themes_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_themes_theme" ON "proposal_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "focus_area_themes_theme" ON "focus_area_themes" USING btree ("theme_id");