-- The old app writes email; the unique, the check and the foreign key still hold.
INSERT INTO accounts (email) VALUES ('old@example.com');
INSERT INTO logins (account_email) VALUES ('old@example.com');
DELETE FROM accounts WHERE id = 5;
DO $$
BEGIN
    BEGIN
        INSERT INTO accounts (email) VALUES ('a7@example.com');
        RAISE EXCEPTION 'a duplicate email was accepted';
    EXCEPTION WHEN unique_violation THEN NULL;
    END;
    BEGIN
        INSERT INTO accounts (email) VALUES ('no-at-sign');
        RAISE EXCEPTION 'an email without @ was accepted';
    EXCEPTION WHEN check_violation THEN NULL;
    END;
    BEGIN
        INSERT INTO logins (account_email) VALUES ('nobody@example.com');
        RAISE EXCEPTION 'a login of no account was accepted';
    EXCEPTION WHEN foreign_key_violation THEN NULL;
    END;
END
$$;
