CREATE TABLE "ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"choices" text NOT NULL,
	"blank" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"day" text,
	"receipt_hash" text NOT NULL,
	CONSTRAINT "ballots_receipt_hash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
CREATE TABLE "vote_audit" (
	"vote_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"event" text NOT NULL,
	"details" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "vote_audit_vote_id_seq_pk" PRIMARY KEY("vote_id","seq")
);
--> statement-breakpoint
CREATE TABLE "vote_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"sealed" text NOT NULL,
	"roll_id" uuid,
	"batch" integer NOT NULL,
	CONSTRAINT "vote_codes_vote_id_code_hash_unique" UNIQUE("vote_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "vote_eid_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"vote_id" uuid NOT NULL,
	"pin_hash" text NOT NULL,
	"age" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"proposal_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"subtext" text NOT NULL,
	CONSTRAINT "vote_options_vote_id_position_unique" UNIQUE("vote_id","position")
);
--> statement-breakpoint
CREATE TABLE "vote_roll" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"pin_hash" text NOT NULL,
	CONSTRAINT "vote_roll_vote_id_pin_hash_unique" UNIQUE("vote_id","pin_hash")
);
--> statement-breakpoint
CREATE TABLE "voter_marks" (
	"vote_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "voter_marks_vote_id_voter_key_pk" PRIMARY KEY("vote_id","voter_key")
);
--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "max_choices" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "blank_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "results_before_close" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "channels" text DEFAULT 'eid,code,paper' NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "min_age" integer;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "frozen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "results_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_audit" ADD CONSTRAINT "vote_audit_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_codes" ADD CONSTRAINT "vote_codes_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_codes" ADD CONSTRAINT "vote_codes_roll_id_vote_roll_id_fk" FOREIGN KEY ("roll_id") REFERENCES "public"."vote_roll"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_eid_sessions" ADD CONSTRAINT "vote_eid_sessions_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_options" ADD CONSTRAINT "vote_options_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_options" ADD CONSTRAINT "vote_options_proposal_id_vision_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."vision_proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_roll" ADD CONSTRAINT "vote_roll_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voter_marks" ADD CONSTRAINT "voter_marks_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;