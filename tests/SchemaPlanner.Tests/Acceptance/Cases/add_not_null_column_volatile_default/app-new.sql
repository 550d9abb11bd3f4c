INSERT INTO users (email, token) VALUES ('new@example.com', '00000000-0000-4000-8000-000000000001');
