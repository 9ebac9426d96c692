CREATE TABLE "vote_tallies" (
	"vote_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"choices" text NOT NULL,
	"blank" boolean NOT NULL,
	"shard" integer NOT NULL,
	"ballots" integer NOT NULL,
	CONSTRAINT "vote_tallies_vote_id_channel_blank_choices_shard_pk" PRIMARY KEY("vote_id","channel","blank","choices","shard")
);
--> statement-breakpoint
ALTER TABLE "vote_tallies" ADD CONSTRAINT "vote_tallies_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Votes held before this migration get their kept counts from their ballots, in shard 0.
INSERT INTO "vote_tallies" ("vote_id", "channel", "choices", "blank", "shard", "ballots")
SELECT "vote_id", "channel", "choices", "blank", 0, count(*)::int FROM "ballots" GROUP BY "vote_id", "channel", "choices", "blank";
--> statement-breakpoint
-- Casting a ballot, as one function so that its statements are planned once per connection rather than per ballot
-- (planning was half the database's time per ballot, and most of it on PGlite). It runs inside the caller's statement,
-- so finding the voter's key, marking the voter, storing the ballot and adding it to the kept count all commit together
-- or not at all. The voter's key: with a pin hash, the roll entry when the vote has a roll (none: not eligible), else
-- the hash; with a code hash, the roll entry the code was issued to, else the code; otherwise the key given (an account).
-- Returns eligible = false when no key was found, stored = false when the voter was already marked (nothing stored).
CREATE FUNCTION "vote_cast_ballot"(
	p_vote uuid, p_channel text, p_pin_hash text, p_code_hash text, p_key text,
	p_ballot uuid, p_choices text, p_blank boolean, p_day text, p_receipt_hash text, p_shard integer,
	OUT eligible boolean, OUT stored boolean
) LANGUAGE plpgsql AS $$
DECLARE
	v_key text;
	v_marked integer;
BEGIN
	IF p_pin_hash IS NOT NULL THEN
		SELECT 'roll:' || r.id INTO v_key FROM vote_roll r WHERE r.vote_id = p_vote AND r.pin_hash = p_pin_hash;
		IF v_key IS NULL AND NOT EXISTS (SELECT 1 FROM vote_roll r WHERE r.vote_id = p_vote) THEN
			v_key := 'pin:' || p_pin_hash;
		END IF;
	ELSIF p_code_hash IS NOT NULL THEN
		SELECT coalesce('roll:' || c.roll_id, 'code:' || c.id) INTO v_key FROM vote_codes c WHERE c.vote_id = p_vote AND c.code_hash = p_code_hash;
	ELSE
		v_key := p_key;
	END IF;
	eligible := v_key IS NOT NULL;
	stored := false;
	IF NOT eligible THEN
		RETURN;
	END IF;
	INSERT INTO voter_marks (vote_id, voter_key, channel) VALUES (p_vote, v_key, p_channel) ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS v_marked = ROW_COUNT;
	IF v_marked = 0 THEN
		RETURN;
	END IF;
	INSERT INTO ballots (id, vote_id, choices, blank, channel, day, receipt_hash) VALUES (p_ballot, p_vote, p_choices, p_blank, p_channel, p_day, p_receipt_hash);
	INSERT INTO vote_tallies AS t (vote_id, channel, blank, choices, shard, ballots) VALUES (p_vote, p_channel, p_blank, p_choices, p_shard, 1)
		ON CONFLICT (vote_id, channel, blank, choices, shard) DO UPDATE SET ballots = t.ballots + 1;
	stored := true;
END
$$;
