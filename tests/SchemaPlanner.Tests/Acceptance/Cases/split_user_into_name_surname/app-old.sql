-- The old app writes and reads "user" only.
INSERT INTO users ("user", email) VALUES ('Ada Lovelace', 'ada@example.com');
UPDATE users SET "user" = 'Renamed ByOld' WHERE id = 7;
