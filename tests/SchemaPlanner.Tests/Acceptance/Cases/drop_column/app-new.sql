-- The new app no longer knows legacy_token or team_id: its insert must not fail on the NOT NULL.
INSERT INTO users (email) VALUES ('new@example.com');
