INSERT INTO users (email) VALUES ('old@example.com');
