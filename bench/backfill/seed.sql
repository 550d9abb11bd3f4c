-- The table the benchmark migrates: :rows rows of about 200 bytes each (~200 MB for 1,000,000 rows).
CREATE TABLE articles (id bigserial PRIMARY KEY, title text, text text NOT NULL, payload text);
INSERT INTO articles (title, text, payload)
SELECT 'title ' || g, repeat(md5(g::text), 4), '{"v":' || g || '}'
  FROM generate_series(1, :rows) AS g;
