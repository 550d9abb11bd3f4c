SELECT count(*) = 1002 FROM members;
SELECT bool_and(badge = id * 3) FROM members WHERE id <= 1000;
-- The constraint exists under its name, on the bigint column, and is the only unique constraint left.
SELECT format_type(a.atttypid, a.atttypmod) = 'bigint'
  FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
 WHERE c.conrelid = 'members'::regclass AND c.conname = 'members_badge_key' AND c.contype = 'u' AND array_length(c.conkey, 1) = 1;
SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'members'::regclass AND contype = 'u';
SELECT indisvalid AND indisunique FROM pg_index WHERE indexrelid = 'members_badge_key'::regclass;
-- Duplicates are rejected (an existing badge conflicts on the constraint and is not inserted), new values past the integer range are not.
WITH ins AS (INSERT INTO members (email, badge) VALUES ('dup@example.com', 3) ON CONFLICT ON CONSTRAINT members_badge_key DO NOTHING RETURNING 1) SELECT count(*) = 0 FROM ins;
WITH ins AS (INSERT INTO members (email, badge) VALUES ('big@example.com', 5000000000) ON CONFLICT ON CONSTRAINT members_badge_key DO NOTHING RETURNING 1) SELECT count(*) = 1 FROM ins;
WITH ins AS (INSERT INTO members (email, badge) VALUES ('big2@example.com', 5000000000) ON CONFLICT ON CONSTRAINT members_badge_key DO NOTHING RETURNING 1) SELECT count(*) = 0 FROM ins;
