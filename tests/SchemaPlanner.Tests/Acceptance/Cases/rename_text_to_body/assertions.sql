SELECT count(*) = 1002 FROM articles;
SELECT bool_and(body = 'Body of article ' || id) FROM articles WHERE id <= 1000 AND id NOT IN (10, 20);
SELECT body = 'Body of article 10, edited by the old app' FROM articles WHERE id = 10;
SELECT body = 'Body of article 20, edited by the new app' FROM articles WHERE id = 20;
-- Written through "text" by the old app, visible through "body".
SELECT body = 'written by the old app' FROM articles WHERE title = 'old app';
SELECT body = 'written by the new app' FROM articles WHERE title = 'new app';
SELECT NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname LIKE 'schemaplan%');
SELECT NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname LIKE 'schemaplan%');
