INSERT INTO users ("user", email, legacy_flag) VALUES ('Old Writer', 'old@example.com', true);
INSERT INTO articles (user_id, title, text, payload)
SELECT id, 'old app', 'written through text', '{"variant": "c", "views": 1}' FROM users WHERE email = 'old@example.com';
