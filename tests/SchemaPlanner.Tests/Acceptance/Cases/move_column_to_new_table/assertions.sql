SELECT count(*) = 667 FROM user_phones;
-- Every phone of a user nobody touched arrived unchanged, and none is missing.
SELECT bool_and(phone = '+1-555-' || lpad(user_id::text, 4, '0')) FROM user_phones WHERE user_id <= 1000 AND user_id NOT IN (1, 3, 7);
SELECT count(*) = 0 FROM generate_series(1, 1000) g WHERE g % 3 <> 0 AND g NOT IN (2, 4, 10) AND NOT EXISTS (SELECT 1 FROM user_phones WHERE user_id = g);
-- The old app's writes to users.phone.
SELECT phone = '+1-555-9002' FROM user_phones WHERE user_id = 1;
SELECT NOT EXISTS (SELECT 1 FROM user_phones WHERE user_id = 2);
SELECT phone = '+1-555-9003' FROM user_phones WHERE user_id = 3;
SELECT NOT EXISTS (SELECT 1 FROM users WHERE id = 4) AND NOT EXISTS (SELECT 1 FROM user_phones WHERE user_id = 4);
SELECT phone = '+1-555-0005' FROM user_phones WHERE user_id = 5;
SELECT p.phone = '+1-555-9001' FROM user_phones p JOIN users u ON u.id = p.user_id WHERE u.name = 'Old App User';
-- The new app's writes to user_phones stay as written.
SELECT p.phone = '+1-555-9100' FROM user_phones p JOIN users u ON u.id = p.user_id WHERE u.name = 'New App User';
SELECT phone = '+1-555-9101' FROM user_phones WHERE user_id = 7;
SELECT phone = '+1-555-0008' FROM user_phones WHERE user_id = 8;
SELECT NOT EXISTS (SELECT 1 FROM user_phones WHERE user_id = 10);
-- users.phone is gone, and so are the copy triggers.
SELECT NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'phone' AND NOT attisdropped);
SELECT NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname LIKE 'schemaplan%');
