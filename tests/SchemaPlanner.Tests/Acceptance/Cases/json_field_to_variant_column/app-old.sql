INSERT INTO articles (title, payload) VALUES ('old app', '{"variant": "c", "views": 0}');
UPDATE articles SET payload = '{"variant": "z", "views": 3}' WHERE id = 3;
