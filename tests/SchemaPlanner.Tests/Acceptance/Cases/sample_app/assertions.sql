SELECT count(*) = 202 FROM users;
SELECT count(*) = 1002 FROM articles;
SELECT bool_and(name = 'First' || id AND surname = 'Last' || id AND "user" = 'First' || id || ' Last' || id AND email = 'user' || id || '@example.com') FROM users WHERE id <= 200;
SELECT name = 'Old' AND surname = 'Writer' FROM users WHERE email = 'old@example.com';
SELECT bool_and(body = 'Body of article ' || id AND variant = CASE WHEN id % 2 = 0 THEN 'a' ELSE 'b' END AND (payload ->> 'views')::int = id) FROM articles WHERE id <= 1000;
SELECT body = 'written through text' AND variant = 'c' AND payload = '{"variant": "c", "views": 1}'::jsonb FROM articles WHERE title = 'old app';
SELECT body = 'written through body' AND variant = 'd' AND payload = '{"variant": "d", "views": 2}'::jsonb FROM articles WHERE title = 'new app';
