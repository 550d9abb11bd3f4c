SELECT count(*) = 1002 FROM users;
SELECT bool_and(email = 'user' || id || '@example.com') FROM users WHERE id <= 1000;
SELECT count(*) = 1 FROM users WHERE email = 'old@example.com';
SELECT count(*) = 1 FROM users WHERE email = 'new@example.com';
SELECT count(*) = 10 FROM teams;
