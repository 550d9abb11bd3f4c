-- The old app only knows "text".
INSERT INTO articles (title, text) VALUES ('old app', 'written by the old app');
UPDATE articles SET text = 'Body of article 10, edited by the old app' WHERE id = 10;
