INSERT INTO members (email, badge) VALUES ('old@example.com', 100001);
-- A duplicate badge is refused while both app versions run (the old constraint still guards the column).
DO $$
BEGIN
    INSERT INTO members (email, badge) VALUES ('dup-old@example.com', 3);
    RAISE EXCEPTION 'a duplicate badge was accepted during release 1';
EXCEPTION WHEN unique_violation THEN
    NULL;
END
$$;
