SELECT count(*) = 1002 FROM events;
SELECT bool_and(target_id = id * 7) FROM events WHERE id <= 1000 AND id <> 3;
SELECT target_id = 1 FROM events WHERE id = 3;
SELECT target_id = 123456 FROM events WHERE action = 'old app';
SELECT target_id = 654321 FROM events WHERE action = 'new app';
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'target_id';
SELECT indisvalid FROM pg_index WHERE indexrelid = 'events_target_id_idx'::regclass;
-- The new column is usable for values an integer cannot hold.
INSERT INTO events (action, target_id) VALUES ('after', 5000000000) RETURNING target_id = 5000000000;
