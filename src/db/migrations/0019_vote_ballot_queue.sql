CREATE TABLE "vote_ballot_queue" (
	"vote_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"sealed" text NOT NULL,
	"receipt_lookup" text NOT NULL,
	CONSTRAINT "vote_ballot_queue_vote_id_id_pk" PRIMARY KEY("vote_id","id")
);
--> statement-breakpoint
ALTER TABLE "vote_ballot_queue" ADD CONSTRAINT "vote_ballot_queue_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A cast no longer writes the ballot or its kept count: it marks the voter and queues the ballot sealed, and mixing
-- moves queued ballots to `ballots` in shuffled batches in transactions of their own (src/modules/votes/votes.mixing.ts).
-- The vote's row is read under a key-share lock first, so a ballot cannot be queued once publishing has begun.
DROP FUNCTION IF EXISTS "vote_cast_ballot"(uuid, text, text, text, text, uuid, text, boolean, text, text, integer);
--> statement-breakpoint
CREATE FUNCTION "vote_cast_ballot"(
	p_vote uuid, p_channel text, p_pin_hash text, p_code_hash text, p_key text, p_sealed text, p_receipt_lookup text,
	OUT eligible boolean, OUT stored boolean, OUT published boolean
) LANGUAGE plpgsql AS $$
DECLARE
	v_key text;
	v_marked integer;
BEGIN
	eligible := false;
	stored := false;
	SELECT v.results_published_at IS NOT NULL INTO published FROM votes v WHERE v.id = p_vote FOR KEY SHARE;
	IF published IS NOT FALSE THEN
		RETURN;
	END IF;
	IF p_pin_hash IS NOT NULL THEN
		-- With a roll, only the people on it; the key is the person's either way.
		IF EXISTS (SELECT 1 FROM vote_roll r WHERE r.vote_id = p_vote AND r.pin_hash = p_pin_hash)
			OR NOT EXISTS (SELECT 1 FROM vote_roll r WHERE r.vote_id = p_vote) THEN
			v_key := 'pin:' || p_pin_hash;
		END IF;
	ELSIF p_code_hash IS NOT NULL THEN
		SELECT coalesce('pin:' || r.pin_hash, 'code:' || c.id) INTO v_key
		FROM vote_codes c LEFT JOIN vote_roll r ON r.id = c.roll_id
		WHERE c.vote_id = p_vote AND c.code_hash = p_code_hash;
	ELSE
		v_key := p_key;
	END IF;
	eligible := v_key IS NOT NULL;
	IF NOT eligible THEN
		RETURN;
	END IF;
	INSERT INTO voter_marks (vote_id, voter_key, channel) VALUES (p_vote, v_key, p_channel) ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS v_marked = ROW_COUNT;
	IF v_marked = 0 THEN
		RETURN;
	END IF;
	INSERT INTO vote_ballot_queue (vote_id, sealed, receipt_lookup) VALUES (p_vote, p_sealed, p_receipt_lookup);
	stored := true;
END
$$;
