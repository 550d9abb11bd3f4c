INSERT INTO users ("user", name, surname, email) VALUES ('New Writer', 'New', 'Writer', 'new@example.com');
INSERT INTO articles (user_id, title, body, payload, variant)
SELECT id, 'new app', 'written through body', '{"variant": "d", "views": 2}', 'd' FROM users WHERE email = 'new@example.com';
