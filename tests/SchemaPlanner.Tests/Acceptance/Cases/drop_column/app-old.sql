INSERT INTO users (email, legacy_token, team_id) VALUES ('old@example.com', 'token', 3);
