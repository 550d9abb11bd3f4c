-- The new app writes name and surname only; old readers still see "user".
INSERT INTO users (name, surname, email) VALUES ('Grace', 'Hopper', 'grace@example.com');
UPDATE users SET surname = 'ChangedByNew' WHERE id = 8;
-- What the old app, still reading "user", sees of those writes (the run fails otherwise).
DO $$
BEGIN
    IF (SELECT "user" FROM users WHERE email = 'grace@example.com') IS DISTINCT FROM 'Grace Hopper' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert through "user"';
    END IF;
    IF (SELECT "user" FROM users WHERE id = 8) IS DISTINCT FROM 'First8 ChangedByNew' THEN
        RAISE EXCEPTION 'old readers do not see the new app''s update through "user"';
    END IF;
END
$$;
-- A name the split hint cannot reproduce: the backfill and the triggers must leave what the new app wrote.
INSERT INTO users (name, surname, email) VALUES ('Mary Ann', 'Smith', 'mary@example.com');
UPDATE users SET email = 'mary.ann@example.com' WHERE email = 'mary@example.com';
