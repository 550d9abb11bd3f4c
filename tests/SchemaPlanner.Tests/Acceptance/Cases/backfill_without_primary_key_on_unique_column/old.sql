-- No primary key, but a unique index over a NOT NULL column: the backfill batches on it (keyset over code).
-- The nullable unique column (slug) cannot serve as a key: NULLs are not unique.
CREATE TABLE tags (
    code  text NOT NULL,
    slug  text UNIQUE,
    label text NOT NULL
);
CREATE UNIQUE INDEX tags_code_key ON tags (code);

INSERT INTO tags (code, slug, label) SELECT 'c' || lpad(g::text, 5, '0'), CASE WHEN g % 2 = 0 THEN 's' || g END, 'Label ' || g FROM generate_series(1, 5000) g;
