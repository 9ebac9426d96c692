-- One identity per person in a vote: a person's mark is always the keyed hash of their personal identity number
-- ('pin:' || hash), whichever channel they use and whether or not the vote has a roll; a roll only says who may vote.
-- A personal letter code marks the person of the roll entry it was issued to; an anonymous code marks the code.
-- Marks made by the earlier keys ('roll:' || roll entry) are rewritten to the person's key, unless that person already
-- has one: such a second mark is left for audit:verify to report.
UPDATE "voter_marks" m SET "voter_key" = 'pin:' || r."pin_hash"
FROM "vote_roll" r
WHERE m."voter_key" = 'roll:' || r."id" AND NOT EXISTS (
	SELECT 1 FROM "voter_marks" p WHERE p."vote_id" = m."vote_id" AND p."voter_key" = 'pin:' || r."pin_hash"
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "vote_cast_ballot"(
	p_vote uuid, p_channel text, p_pin_hash text, p_code_hash text, p_key text,
	p_ballot uuid, p_choices text, p_blank boolean, p_day text, p_receipt_hash text, p_shard integer,
	OUT eligible boolean, OUT stored boolean
) LANGUAGE plpgsql AS $$
DECLARE
	v_key text;
	v_marked integer;
BEGIN
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
