INSERT INTO events (happened_at, kind, payload) VALUES ('2030-01-01', 'old-app', 'written by the old app');
UPDATE events SET payload = 'payload 7, edited by the old app' WHERE payload = 'payload 7';
