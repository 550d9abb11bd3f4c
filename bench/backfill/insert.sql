-- The steady inserter: one new row per transaction, written through the old shape (no "body"), at the rate
-- pgbench -R sets. The sync trigger fills "body" for it; the backfill, bounded at the last key it saw when it
-- started, must not chase these rows and must still finish.
INSERT INTO articles (title, text, payload)
VALUES ('new ' || :client_id, repeat(md5(random()::text), 4), '{"v":0}');
