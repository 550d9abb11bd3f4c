INSERT INTO articles (title, payload, variant) VALUES ('new app', '{"variant": "d", "views": 0}', 'd');
