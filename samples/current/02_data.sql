-- Some rows, so the demo has real data to keep.
INSERT INTO users ("user", email)
SELECT 'First' || g || ' Last' || g, 'user' || g || '@example.com'
FROM generate_series(1, 200) g;

INSERT INTO articles (user_id, title, text, payload)
SELECT 1 + (g % 200), 'Title ' || g, 'Body of article ' || g,
       '{"variant": "' || (CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END) || '", "views": ' || g || '}'
FROM generate_series(1, 1000) g;

ANALYZE;
