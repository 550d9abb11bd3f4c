-- The new app writes address; the old constraints guard it through the synced email.
INSERT INTO accounts (address) VALUES ('new@example.com');
INSERT INTO logins (account_email) VALUES ('new@example.com');
DELETE FROM accounts WHERE id = 6;
DO $$
BEGIN
    BEGIN
        INSERT INTO accounts (address) VALUES ('a8@example.com');
        RAISE EXCEPTION 'a duplicate address was accepted';
    EXCEPTION WHEN unique_violation THEN NULL;
    END;
    IF (SELECT email FROM account_emails WHERE email = 'new@example.com') IS NULL THEN
        RAISE EXCEPTION 'the view does not show the new app''s insert';
    END IF;
END
$$;
