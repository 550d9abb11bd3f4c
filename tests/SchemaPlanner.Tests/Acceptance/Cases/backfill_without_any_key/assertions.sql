SELECT count(*) = 20002 FROM events;
SELECT count(*) = 19999 FROM events WHERE kind LIKE 'k%' AND body = 'payload ' || (extract(epoch FROM happened_at - timestamptz '2024-01-01') / 60)::int;
SELECT body = 'payload 7, edited by the old app' FROM events WHERE happened_at = timestamptz '2024-01-01' + 7 * interval '1 minute';
SELECT body = 'written by the old app' FROM events WHERE kind = 'old-app';
SELECT body = 'written by the new app' FROM events WHERE kind = 'new-app';
