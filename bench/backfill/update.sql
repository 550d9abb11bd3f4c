-- The concurrent writer: one random row per transaction, written through the old shape (title, on the table
-- that still has "text"), so the sync trigger fires on every update once the pre-deploy step installed it.
\set id random(1, :rows)
UPDATE articles SET title = 'x' || :id WHERE id = :id;
