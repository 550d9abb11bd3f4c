SELECT count(*) = 1001 FROM articles;
SELECT bool_and(body = 'Body ' || id) FROM articles WHERE id <= 1000 AND id <> 5;
SELECT body = 'Body 5, edited through the view' FROM articles WHERE id = 5;
SELECT NOT EXISTS (SELECT 1 FROM articles WHERE id = 6);
SELECT body = 'through the view' FROM articles WHERE title = 'old app';
SELECT to_regclass('public.posts') IS NULL;
-- The sequence kept counting under its new name.
INSERT INTO articles (title, body) VALUES ('after', 'x') RETURNING id = 1003;
