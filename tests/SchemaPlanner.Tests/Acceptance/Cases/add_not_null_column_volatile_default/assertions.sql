SELECT count(*) = 1002 FROM users;
SELECT count(DISTINCT token) = 1002 FROM users;
SELECT bool_and(email = 'user' || id || '@example.com') FROM users WHERE id <= 1000;
SELECT token = '00000000-0000-4000-8000-000000000001' FROM users WHERE email = 'new@example.com';
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'token';
