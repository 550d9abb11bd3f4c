SELECT count(*) = 1002 FROM users;
SELECT bool_and(email = 'user' || id || '@example.com') FROM users WHERE id <= 1000;
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'email';
-- The helper check is gone again.
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c');
