SELECT count(*) = 1002 FROM articles;
SELECT bool_and(slug = 'title-' || id) FROM articles WHERE id <= 1000;
SELECT slug = 'old-app-article' FROM articles WHERE title = 'Old App Article';
SELECT slug = 'chosen-by-the-new-app' FROM articles WHERE title = 'New App Article';
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'slug';
