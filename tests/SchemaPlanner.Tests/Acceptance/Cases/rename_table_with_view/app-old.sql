-- The old app still uses posts (now a view over articles).
INSERT INTO posts (title, body) VALUES ('old app', 'through the view');
UPDATE posts SET body = 'Body 5, edited through the view' WHERE id = 5;
DELETE FROM posts WHERE id = 6;
