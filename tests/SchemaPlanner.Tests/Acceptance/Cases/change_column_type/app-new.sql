-- Until the swap, target_id is still integer for both versions.
INSERT INTO events (action, target_id) VALUES ('new app', 654321);
