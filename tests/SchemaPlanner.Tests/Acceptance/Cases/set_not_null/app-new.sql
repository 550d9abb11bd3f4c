INSERT INTO users (email) VALUES ('new@example.com');
