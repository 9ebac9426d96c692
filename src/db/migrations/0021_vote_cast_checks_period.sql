-- The cast checks the vote's period itself, in the database, after it has the vote's key-share lock: every process
-- refuses a web ballot once the vote has closed (also closed early by another process, whose in-memory copy of the
-- vote this one never sees), and a paper ballot once the results are published. The clock is the database's, read
-- after the lock, so a close that committed first is always seen. `refusal` says why ('notOpen', 'closed');
-- `published` stays for processes still running the earlier code (true whenever nothing may be stored).
DROP FUNCTION IF EXISTS "vote_cast_ballot"(uuid, text, text, text, text, text, text);
--> statement-breakpoint
CREATE FUNCTION "vote_cast_ballot"(
	p_vote uuid, p_channel text, p_pin_hash text, p_code_hash text, p_key text, p_sealed text, p_receipt_lookup text,
	OUT eligible boolean, OUT stored boolean, OUT published boolean, OUT refusal text
) LANGUAGE plpgsql AS $$
DECLARE
	v votes%ROWTYPE;
	v_now timestamptz;
	v_key text;
	v_marked integer;
BEGIN
	eligible := false;
	stored := false;
	published := true;
	SELECT * INTO v FROM votes WHERE id = p_vote FOR KEY SHARE;
	v_now := clock_timestamp();
	IF NOT FOUND OR v.results_published_at IS NOT NULL OR (p_channel <> 'paper' AND v_now >= v.closes_at) THEN
		refusal := 'closed';
		RETURN;
	END IF;
	IF v.frozen_at IS NULL OR v_now < v.opens_at THEN
		refusal := 'notOpen';
		RETURN;
	END IF;
	published := false;
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
