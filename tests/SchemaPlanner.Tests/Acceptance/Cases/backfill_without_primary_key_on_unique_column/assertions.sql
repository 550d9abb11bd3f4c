SELECT count(*) = 5002 FROM tags;
SELECT count(*) = 5000 FROM tags WHERE code LIKE 'c%' AND label_upper = 'LABEL ' || ltrim(substr(code, 2), '0');
SELECT label_upper = 'WRITTEN BY THE OLD APP' FROM tags WHERE code = 'old-app';
SELECT label_upper = 'CHOSEN BY THE NEW APP' FROM tags WHERE code = 'new-app';
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'tags'::regclass AND attname = 'label_upper';
