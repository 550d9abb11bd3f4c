SELECT count(*) = 1002 FROM articles;
SELECT bool_and(variant = CASE WHEN id % 2 = 0 THEN 'a' ELSE 'b' END) FROM articles WHERE id <= 1000 AND id <> 3;
SELECT variant = 'z' FROM articles WHERE id = 3;
SELECT variant = 'c' FROM articles WHERE title = 'old app';
SELECT variant = 'd' FROM articles WHERE title = 'new app';
SELECT bool_and(payload ? 'views') FROM articles;
