CREATE TABLE "site_branding" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text,
	"brand_colour" text,
	"link_colour" text,
	"logo" "bytea",
	"logo_type" text,
	"logo_alt" text,
	"favicon" "bytea",
	"favicon_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_branding_one_row" CHECK ("site_branding"."id" = 1)
);
