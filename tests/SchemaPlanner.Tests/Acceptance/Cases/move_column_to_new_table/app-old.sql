-- The old app reads and writes users.phone only.
INSERT INTO users (name, phone) VALUES ('Old App User', '+1-555-9001');
UPDATE users SET phone = '+1-555-9002' WHERE id = 1;
UPDATE users SET phone = NULL WHERE id = 2;
UPDATE users SET phone = '+1-555-9003' WHERE id = 3;
DELETE FROM users WHERE id = 4;
UPDATE users SET name = 'Renamed by the old app' WHERE id = 5;
