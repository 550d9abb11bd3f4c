-- The new app reads and writes user_phones; it no longer knows users.phone.
INSERT INTO users (name) VALUES ('New App User');
INSERT INTO user_phones (user_id, phone) SELECT id, '+1-555-9100' FROM users WHERE name = 'New App User';
UPDATE user_phones SET phone = '+1-555-9101' WHERE user_id = 7;
UPDATE users SET name = 'Renamed by the new app' WHERE id = 8;
DELETE FROM user_phones WHERE user_id = 10;
-- What the new app wrote to user_phones reads back through users.phone, which the old app reads.
DO $$ BEGIN IF (SELECT phone FROM users WHERE id = 7) IS DISTINCT FROM '+1-555-9101' THEN RAISE EXCEPTION 'old app does not see the new phone of user 7'; END IF; END $$;
