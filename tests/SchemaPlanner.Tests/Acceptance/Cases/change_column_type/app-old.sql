INSERT INTO events (action, target_id) VALUES ('old app', 123456);
UPDATE events SET target_id = 1 WHERE id = 3;
